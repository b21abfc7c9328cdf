"""Never twice, never stuck (mail): sends that overlap, a record that cannot be written, a
line cut after the message was handed over, a kill at the wrong moment — counted as copies
per recipient at a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter

import pytest

from chibo.documents.kinds import Period
from chibo.mail import delivery
from chibo.mail.sending import prepare_letters
from chibo.rules.checked import open_checked
from conftest import AFTER_SAMPLE_YEAR, run, sent_record

OFFICE = "danguy.myhoa@example.vn"
BOARD = "vanphong.danguy@example.vn"


@pytest.fixture
def built(sample, tmp_path, year_built):
    output = tmp_path / "out"
    shutil.copytree(year_built, output)
    return sample, output


def send(built, *args):
    sample, output = built
    return run("send", sample, "-o", output, "--quarter", "1", "--yes", *args)


def copies(inbox) -> Counter:
    return Counter(m["To"] for m in inbox.messages)


def chibo_send(built) -> subprocess.Popen:
    sample, output = built
    return subprocess.Popen([sys.executable, "-m", "chibo", "send", str(sample), "-o", str(output),
                             "--quarter", "1", "--yes"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env=os.environ.copy())


def test_two_sends_started_together_mail_each_recipient_once(built, inbox, smtp_env):
    inbox.reply_after = 0.4   # a slow server: the two runs overlap
    first, second = chibo_send(built), chibo_send(built)
    outputs = [p.communicate(timeout=60)[0] for p in (first, second)]
    assert copies(inbox) == {OFFICE: 1, BOARD: 1}
    said = "\n".join(outputs)
    assert "Traceback" not in said
    assert said.count(f"Đã gửi tới {OFFICE}") == 1


def test_a_double_click_on_one_preview_sends_once(built, inbox, smtp_env):
    sample, output = built
    mailing = prepare_letters(open_checked(sample, AFTER_SAMPLE_YEAR), output, Period(1), False)
    inbox.reply_after = 0.3
    results = []
    clicks = [threading.Thread(target=lambda: results.append(mailing.send(None)))
              for _ in range(2)]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join(30)
    assert copies(inbox) == {OFFICE: 1, BOARD: 1}
    assert sorted(len(r.sent) for r in results) == [0, 2]
    assert sorted(len(r.sent_elsewhere) for r in results) == [0, 2]


def test_a_send_while_another_runs_says_so_plainly(built, inbox, smtp_env, monkeypatch):
    from filelock import FileLock

    monkeypatch.setattr(delivery, "WAIT_FOR_OTHER_SEND", 0.2)
    sent_record().parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{sent_record()}.lock"):
        result = send(built)
    assert result.exit_code == 1
    assert "Đang có một lần gửi thư khác của Chi bộ Mầm non Mỹ Hòa năm 2022" in result.output
    assert not inbox.messages


def test_nothing_goes_when_the_record_cannot_be_written(built, inbox, smtp_env, data_folder):
    data_folder.parent.mkdir(parents=True, exist_ok=True)
    data_folder.write_text("a file where the data folder should be")
    result = send(built)
    assert result.exit_code == 1
    assert "Không ghi được sổ theo dõi thư đã gửi" in result.output
    assert "Chưa gửi thư nào" in result.output and "Traceback" not in result.output
    assert not inbox.messages


def test_a_line_cut_after_the_message_is_sent_again_under_the_same_message_id(built, inbox,
                                                                              smtp_env):
    inbox.then_drop = True
    first = send(built)
    assert first.exit_code == 1 and "có thể đã đến nơi" in first.output
    (arrived,) = inbox.messages
    inbox.then_drop = False
    second = send(built)
    assert second.exit_code == 0, second.output
    assert f"thư gửi {arrived['To']} có thể đã đến nơi" in second.output
    again = [m for m in inbox.messages[1:] if m["To"] == arrived["To"]]
    assert [m["Message-ID"] for m in again] == [arrived["Message-ID"]]
    assert copies(inbox)[arrived["To"]] == 2 and len(copies(inbox)) == 2   # one ID: one in her box
    assert send(built).output.startswith("Không có văn bản mới")


def test_a_reply_slower_than_the_timeout_counts_as_maybe_arrived(built, inbox, smtp_env,
                                                                 monkeypatch):
    monkeypatch.setattr(delivery, "TIMEOUT_SECONDS", 0.5)
    inbox.reply_after = 2
    result = send(built)
    assert result.exit_code == 1 and "có thể đã đến nơi" in result.output
    first_id = inbox.messages[0]["Message-ID"]
    inbox.reply_after = 0
    assert send(built).exit_code == 0
    assert [m["Message-ID"] for m in inbox.messages].count(first_id) == 2


def test_a_kill_while_the_server_holds_the_message_is_known_next_time(built, inbox, smtp_env):
    inbox.reply_after = 30   # the server takes the message and is slow to say so
    process = chibo_send(built)
    assert inbox.received.wait(30)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    (entry,) = json.loads(sent_record().read_text(encoding="utf-8"))["messages"]
    assert entry["status"] == "sending"
    inbox.reply_after = 0
    result = send(built)
    assert result.exit_code == 0 and "có thể đã đến nơi" in result.output
    ids = Counter(m["Message-ID"] for m in inbox.messages)
    assert ids[entry["message_id"]] == 2 and len(inbox.messages) == 3


def test_a_busy_server_is_not_a_refused_sender(built, inbox, smtp_env):
    inbox.busy = "421 4.7.0 Thử lại sau"
    result = send(built)
    assert result.exit_code == 1
    assert "tạm thời chưa nhận thư" in result.output and "sẽ được gửi lại" in result.output
    assert "từ chối địa chỉ gửi" not in result.output


def test_a_permanent_refusal_promises_no_retry(built, inbox, smtp_env):
    inbox.refuse = {BOARD}
    result = send(built)
    assert f"Máy chủ thư từ chối địa chỉ {BOARD} (550" in result.output
    refusal = next(line for line in result.output.splitlines() if BOARD in line and "550" in line)
    assert "sẽ được gửi lại" not in refusal and "kiểm tra lại địa chỉ email" in refusal


@pytest.mark.parametrize("record", [[1, 2], {"messages": {"a": 1}}, {"messages": [{"to": 3}]},
                                    {"messages": [{"to": "a@b", "files": [7]}]},
                                    {"messages": [{"to": "a@b", "files": [], "status": "?"}]}])
def test_a_record_of_the_wrong_shape_is_named_not_a_traceback(built, inbox, smtp_env, record):
    sent_record().parent.mkdir(parents=True, exist_ok=True)
    sent_record().write_text(json.dumps(record), encoding="utf-8")
    result = send(built)
    assert result.exit_code == 1
    assert "Sổ theo dõi thư đã gửi" in result.output and "bị hỏng" in result.output
    assert "Lỗi không mong đợi" not in result.output and not inbox.messages
