"""How single cell values are cleaned and parsed (the workbook contract's 'General rules')."""

import datetime as dt
import unicodedata

import pytest

from chibo.workbook.values import (BadValue, clean_text, matching_key, parse_choice, parse_date,
                          parse_emails, parse_integer, parse_name, parse_percent, parse_phone, parse_text,
                          parse_time)


def test_text_is_nfc_whatever_form_it_was_pasted_in():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hòa")
    assert clean_text(nfd) == unicodedata.normalize("NFC", "Nguyễn Thị Hòa")


def test_line_breaks_become_one_kind():
    assert clean_text("một_x000D_\nhai\r\nba\rbốn") == "một\nhai\nba\nbốn"


def test_control_characters_and_surrounding_spaces_are_dropped():
    assert clean_text("  \x07Chi bộ\x0b \u200b ") == "Chi bộ"


def test_ampersand_and_angle_brackets_are_kept_as_typed():
    assert clean_text('Ban giám hiệu & tổ <chuyên môn> "A"') == 'Ban giám hiệu & tổ <chuyên môn> "A"'


def test_matching_ignores_case_spacing_and_form_but_not_diacritics():
    assert matching_key("  HỌ  VÀ   tên ") == matching_key("Họ và tên")
    assert matching_key("Lan") != matching_key("Lân")


@pytest.mark.parametrize("raw", [2, 2.0, "2", "2.0", " 2 "])
def test_whole_numbers_in_any_form(raw):
    assert parse_integer(raw) == 2


@pytest.mark.parametrize("raw", [2.5, "hai", "2a", True])
def test_not_whole_numbers_are_refused(raw):
    with pytest.raises(BadValue):
        parse_integer(raw)


def test_a_number_in_a_text_column_loses_its_point_zero():
    assert parse_text(5.0) == "5"


@pytest.mark.parametrize("raw", [dt.date(2022, 3, 15), dt.datetime(2022, 3, 15), "15/03/2022",
                                 "15/3/2022", "15-03-2022", "15.03.2022", " 15/03/2022 ",
                                 "ngày 15 tháng 3 năm 2022", 44635.0, "2022-03-15"])
def test_dates_typed_as_dates_or_as_text(raw):
    assert parse_date(raw) == dt.date(2022, 3, 15)


@pytest.mark.parametrize("raw", ["31/02/2022", "03/15/2022", "15/03", "15/03/22", "mười lăm", 2022])
def test_what_is_not_a_date_is_refused_with_the_expected_form(raw):
    with pytest.raises(BadValue, match="dd/mm/yyyy|ngày có thật"):
        parse_date(raw)


@pytest.mark.parametrize("raw", [dt.time(14, 30), dt.datetime(1899, 12, 30, 14, 30),
                                 dt.timedelta(hours=14, minutes=30), 14.5 / 24, "14:30",
                                 "14h30", "14 giờ 30", "14 giờ 30 phút", "14H30"])
def test_times_typed_as_times_or_as_text(raw):
    assert parse_time(raw) == dt.time(14, 30)


def test_an_hour_alone_is_a_time():
    assert parse_time("14h") == dt.time(14, 0)
    assert parse_time("8 giờ") == dt.time(8, 0)


@pytest.mark.parametrize("raw", ["25:00", "chiều", "14:75"])
def test_what_is_not_a_time_is_refused(raw):
    with pytest.raises(BadValue, match="14:00"):
        parse_time(raw)


def test_choices_are_matched_forgivingly_and_returned_as_declared():
    assert parse_choice(" chuyên  ĐỀ ", ("Chuyên đề", "Thường kỳ")) == "Chuyên đề"
    assert parse_choice(2.0, (1, 2, 3, 4)) == 2


def test_a_value_outside_the_list_names_the_list():
    with pytest.raises(BadValue, match="Chuyên đề, Thường kỳ"):
        parse_choice("Đột xuất", ("Chuyên đề", "Thường kỳ"))


def test_several_email_addresses_in_one_cell():
    assert parse_emails("a@example.vn; b@example.vn") == ("a@example.vn", "b@example.vn")


def test_a_broken_email_address_is_refused():
    with pytest.raises(BadValue, match="email"):
        parse_emails("vanphong@")


def test_a_name_loses_the_comrade_title_in_front():
    assert parse_name("Đ/c  Nguyễn Thị Lan") == "Nguyễn Thị Lan"
    assert parse_name("đồng chí Lê Văn Minh") == "Lê Văn Minh"


@pytest.mark.parametrize("raw", [85, "85%", " 85 % ", 0.85])
def test_a_percentage_in_any_form(raw):
    assert parse_percent(raw) == 85


def test_a_quarter_may_be_written_with_its_word():
    assert parse_choice("Quý 3", (1, 2, 3, 4)) == 3


def test_a_phone_number_typed_as_a_number_gets_its_zero_back():
    assert parse_phone(912345678.0) == "0912345678"
