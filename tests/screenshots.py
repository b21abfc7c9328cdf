"""Screenshots of the window's main screens for the README (`make screenshots`): the sample
workbook in Chromium, as a secretary sees it on a 13-inch laptop (1366×768 at 125 %)."""

import datetime as dt
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"


def main() -> None:
    from playwright.sync_api import sync_playwright

    from chibo.window.serving import start

    work = Path(tempfile.mkdtemp(prefix="chibo-anh-"))
    workbook = work / "so-chi-bo-2022.xlsx"
    shutil.copyfile(ROOT / "workbook" / "chibo.xlsx", workbook)
    shutil.copytree(ROOT / "workbook" / "tai-lieu", work / "tai-lieu")   # its meetings' materials
    server, _, listener, address = start(workbook, work / "output", 0, dt.date(2023, 3, 1),
                                         lambda path: None)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    IMAGES.mkdir(parents=True, exist_ok=True)
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1093, "height": 540}, device_scale_factor=1.25,
                                locale="vi-VN")
        page.goto(address)
        page.screenshot(path=IMAGES / "cua-so-so.png", full_page=True)
        page.get_by_role("button", name="Lập văn bản").click()
        page.get_by_role("heading", name="Đã lập xong").wait_for(timeout=120_000)
        page.screenshot(path=IMAGES / "cua-so-van-ban.png", full_page=False)
        page.goto(address.split("?")[0] + "gui?ky=4")
        page.screenshot(path=IMAGES / "cua-so-gui.png")
        page.goto(address.split("?")[0] + "so")
        page.screenshot(path=IMAGES / "cua-so-chon-so.png", full_page=True)
        page.goto(address.split("?")[0] + "dang-uy")
        page.screenshot(path=IMAGES / "cua-so-dang-uy.png")
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
    print("\n".join(str(p) for p in sorted(IMAGES.glob("*.png"))))


if __name__ == "__main__":
    sys.exit(main())
