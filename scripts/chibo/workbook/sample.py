"""The sample workbook: Chi bộ Mầm non Mỹ Hòa, 2022 — the seed's plan, with fictional members and meetings.
`chibo init --sample` writes it; workbook/chibo.xlsx is made from it."""
import datetime as dt

from .schema import default_criteria_rows

SETTINGS = {  # Mục -> Giá trị, one entry for every setting of schema.SETTINGS, in that order
    "Đảng bộ cấp trên": "Đảng bộ xã Mỹ Hòa",
    "Tên chi bộ": "Chi bộ Mầm non Mỹ Hòa",
    "Ký hiệu": "CB",
    "Địa danh": "Mỹ Hòa",
    "Cấp ủy cấp trên": "Đảng ủy xã Mỹ Hòa",
    "Năm": 2022,
    "Bí thư": "Nguyễn Thị Thu Hà",
    "Phó bí thư": "Trần Thị Mỹ Linh",
    "Email chi bộ": "chibo.mnmyhoa@example.vn",
    "Đồng chí phụ trách chi bộ": "Trần Văn Hùng, Đảng ủy viên Đảng ủy xã Mỹ Hòa",
    "Email đồng chí phụ trách": "vanhung.tran@example.vn",
    "Máy chủ thư (SMTP)": None,      # the secretary fills in her provider's, e.g. smtp.gmail.com
    "Cổng": None,
    "Bảo mật": None,
    "Tài khoản thư": None,
    "Thời lượng tối thiểu (phút)": 90,
    "Thời lượng tối thiểu khi kết hợp (phút)": 120,
    "Tỷ lệ dự họp tối thiểu (%)": 85,
    "Điểm Tốt": 90,
    "Điểm Khá": 70,
    "Điểm Trung bình": 50,
    "Lề trên (mm)": 20,
    "Lề dưới (mm)": 20,
    "Lề trái (mm)": 30,
    "Lề phải (mm)": 15,
}

ROWS = {  # sheet name -> list of rows; each row a dict header -> value (empty cells omitted)
    "Căn cứ": [
        {"STT": 1, "Văn bản": "Hướng dẫn số 12-HD/BTCTW", "Ngày": dt.date(2018, 7, 6),
         "Cơ quan ban hành": "Ban Tổ chức Trung ương",
         "Trích yếu": "Một số vấn đề về nâng cao chất lượng sinh hoạt chi bộ"},
        {"STT": 2, "Văn bản": "Hướng dẫn số 02-HD/TU", "Ngày": dt.date(2019, 3, 22),
         "Cơ quan ban hành": "Thành ủy Thành phố Hồ Chí Minh",
         "Trích yếu": "Về nội dung sinh hoạt và tiêu chí đánh giá chất lượng sinh hoạt chi bộ"},
    ],

    # The seed's paragraphs word for word; only its obvious typos are corrected.
    "Kế hoạch": [
        {"Phần": "Mục đích", "STT": 1,
         "Nội dung": "Làm cho cán bộ và đảng viên nhận thức sâu sắc về vai trò, vị trí quan trọng "
                     "của tổ chức cơ sở đảng và của chi bộ; ý nghĩa quan trọng của việc nâng cao "
                     "chất lượng sinh hoạt chi bộ đối với việc nâng cao năng lực lãnh đạo, sức "
                     "chiến đấu của tổ chức cơ sở đảng và chất lượng đội ngũ cán bộ, đảng viên."},
        {"Phần": "Mục đích", "STT": 2,
         "Nội dung": "Việc đổi mới nội dung, hình thức và nâng cao chất lượng sinh hoạt chi bộ phải "
                     "gắn với đẩy mạnh thực hiện việc học tập tư tưởng và làm theo tấm gương đạo "
                     "đức Hồ Chí Minh; làm cho mọi đảng viên nâng cao nhận thức; tự giác chấp hành "
                     "các chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, thực "
                     "hiện tốt nghị quyết của chi bộ và của cấp ủy cấp trên; bảo đảm tính lãnh đạo, "
                     "tính giáo dục và tính chiến đấu để chi bộ thực sự là nơi lãnh đạo, quản lý, "
                     "giáo dục, rèn luyện và bồi dưỡng cán bộ, đảng viên."},
        {"Phần": "Yêu cầu", "STT": 1,
         "Nội dung": "Thông qua sinh hoạt của chi bộ mỗi cán bộ, đảng viên nâng cao ý thức trách "
                     "nhiệm tích cực học tập, tu dưỡng, rèn luyện, thực hiện tốt nhiệm vụ của người "
                     "đảng viên do Điều lệ Đảng quy định và các nhiệm vụ được chi bộ phân công; nâng "
                     "cao ý thức tổ chức, kỷ luật, tinh thần tự phê bình và phê bình; tăng cường "
                     "đoàn kết, thống nhất và tình thương yêu đồng chí trong chi bộ; cấp ủy nắm chắc "
                     "tình hình tư tưởng, phẩm chất đạo đức, lối sống của đảng viên, có biện pháp "
                     "cụ thể để xây dựng đội ngũ đảng viên và xây dựng chi bộ trong sạch vững mạnh."},
        {"Phần": "Yêu cầu", "STT": 2,
         "Nội dung": "Tiếp tục đưa nội dung học tập và làm theo tấm gương đạo đức Hồ Chí Minh đi vào "
                     "nề nếp trong sinh hoạt chi bộ hàng tháng; góp phần thắng lợi Nghị quyết Trung "
                     "ương 4 “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”."},
        {"Phần": "Yêu cầu", "STT": 3,
         "Nội dung": "Xây dựng các chuyên đề gắn với việc học tập Nghị quyết Hội nghị lần thứ sáu "
                     "Ban Chấp hành Trung ương Đảng khóa XII và đề án thực hiện các tiêu chí xây "
                     "dựng nông thôn mới."},
        {"Phần": "Biện pháp thực hiện", "STT": 1,
         "Nội dung": "Chi bộ xây dựng kế hoạch sinh hoạt chuyên đề đưa ra nội dung sinh hoạt cụ thể "
                     "cho từng quý."},
        {"Phần": "Biện pháp thực hiện", "STT": 2,
         "Nội dung": "Tổ chức sinh hoạt chuyên đề tại các kỳ sinh hoạt chi bộ mỗi quý một lần."},
        {"Phần": "Biện pháp thực hiện", "STT": 3,
         "Nội dung": "Chuẩn bị nội dung trước khi tổ chức sinh hoạt."},
        {"Phần": "Biện pháp thực hiện", "STT": 4,
         "Nội dung": "Đảng viên tọa đàm, thảo luận các nội dung chuyên đề mà chi bộ đưa ra."},
        {"Phần": "Biện pháp thực hiện", "STT": 5,
         "Nội dung": "Thiết lập biên bản sinh hoạt chuyên đề hàng quý, ghi đầy đủ nội dung sinh hoạt "
                     "quý thực hiện."},
        {"Phần": "Biện pháp thực hiện", "STT": 6,
         "Nội dung": "Báo cáo Đảng ủy xã tình hình thực hiện sinh hoạt chuyên đề của chi bộ và kết "
                     "quả thực hiện."},
    ],

    "Chuyên đề": [
        {"Quý": 1, "Tên chuyên đề": "Xây dựng, chuẩn bị các phương án đảm bảo an toàn cho trẻ quay "
                                    "trở lại trường học trực tiếp trong bối cảnh dịch bệnh Covid-19",
         "Người chuẩn bị": "Trần Thị Mỹ Linh", "Tháng dự kiến": 3},
        {"Quý": 2, "Tên chuyên đề": "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
         "Người chuẩn bị": "Võ Thị Kim Oanh", "Tháng dự kiến": 5,
         "Ghi chú": "Gắn với kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh"},
        {"Quý": 3, "Tên chuyên đề": "Xây dựng môi trường thiên nhiên lấy trẻ làm trung tâm",
         "Người chuẩn bị": "Phạm Thị Hồng Nhung", "Tháng dự kiến": 9},
        {"Quý": 4, "Tên chuyên đề": "Công tác phát triển đảng viên mới trong chi bộ",
         "Người chuẩn bị": "Lê Thị Ngọc Ánh", "Tháng dự kiến": 12},
    ],

    "Đảng viên": [
        {"STT": 1, "Họ và tên": "Nguyễn Thị Thu Hà", "Năm sinh": 1975, "Giới tính": "Nữ",
         "Chức vụ": "Bí thư", "Loại": "Chính thức",
         "Email": "thuha.nguyen@example.vn", "Điện thoại": "0908123456"},
        {"STT": 2, "Họ và tên": "Trần Thị Mỹ Linh", "Năm sinh": 1980, "Giới tính": "Nữ",
         "Chức vụ": "Phó bí thư", "Loại": "Chính thức",
         "Email": "mylinh.tran@example.vn", "Điện thoại": "0918234567"},
        {"STT": 3, "Họ và tên": "Lê Thị Ngọc Ánh", "Năm sinh": 1983, "Giới tính": "Nữ",
         "Chức vụ": "Chi ủy viên", "Loại": "Chính thức",
         "Email": "ngocanh.le@example.vn", "Điện thoại": "0937345678"},
        {"STT": 4, "Họ và tên": "Phạm Thị Hồng Nhung", "Năm sinh": 1986, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "hongnhung.pham@example.vn", "Điện thoại": "0903456789"},
        {"STT": 5, "Họ và tên": "Võ Thị Kim Oanh", "Năm sinh": 1979, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "kimoanh.vo@example.vn", "Điện thoại": "0913567890"},
        {"STT": 6, "Họ và tên": "Huỳnh Thị Thanh Tâm", "Năm sinh": 1988, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "thanhtam.huynh@example.vn", "Điện thoại": "0938678901"},
        {"STT": 7, "Họ và tên": "Đặng Thị Bích Ngọc", "Năm sinh": 1990, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "bichngoc.dang@example.vn", "Điện thoại": "0909789012"},
        {"STT": 8, "Họ và tên": "Nguyễn Văn Phúc", "Năm sinh": 1977, "Giới tính": "Nam",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "vanphuc.nguyen@example.vn", "Điện thoại": "0919890123"},
        {"STT": 9, "Họ và tên": "Bùi Thị Lan Anh", "Năm sinh": 1992, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "lananh.bui@example.vn", "Điện thoại": "0933901234"},
        {"STT": 10, "Họ và tên": "Đỗ Thị Thùy Dung", "Năm sinh": 1985, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "thuydung.do@example.vn", "Điện thoại": "0907012345"},
        {"STT": 11, "Họ và tên": "Ngô Thị Phương Thảo", "Năm sinh": 1996, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Dự bị", "Ngày vào Đảng": dt.date(2022, 1, 3),
         "Email": "phuongthao.ngo@example.vn", "Điện thoại": "0915123789"},
        {"STT": 12, "Họ và tên": "Phan Thị Minh Châu", "Năm sinh": 1987, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Điện thoại": "0932234890"},
        {"STT": 13, "Họ và tên": "Trương Thị Hoa", "Năm sinh": 1962, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức", "Miễn sinh hoạt": "Có",
         "Điện thoại": "0906345901"},
        {"STT": 14, "Họ và tên": "Lý Thị Yến Nhi", "Năm sinh": 1991, "Giới tính": "Nữ",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức", "Ngày chuyển đến": dt.date(2022, 5, 9),
         "Email": "yennhi.ly@example.vn", "Điện thoại": "0916456012"},
        {"STT": 15, "Họ và tên": "Hồ Văn Tuấn", "Năm sinh": 1982, "Giới tính": "Nam",
         "Chức vụ": "Đảng viên", "Loại": "Chính thức",
         "Email": "vantuan.ho@example.vn", "Điện thoại": "0939567123"},
    ],

    "Buổi sinh hoạt": [
        {"Mã buổi": "2022-T01", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 1, 5),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 45),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả lãnh đạo thực hiện nhiệm vụ chính trị tháng "
                             "12/2021 và học kỳ I năm học 2021–2022. Đồng chí Bí thư trình bày dự "
                             "thảo kế hoạch sinh hoạt chuyên đề năm 2022 với bốn chuyên đề theo quý; "
                             "chi bộ thảo luận, góp ý và phân công đảng viên chuẩn bị từng chuyên đề.",
         "Kết luận": "Chi bộ thống nhất thông qua kế hoạch sinh hoạt chuyên đề năm 2022, giao đồng "
                     "chí Bí thư hoàn chỉnh, ban hành và báo cáo Đảng ủy xã. Trong tháng 01, tiếp tục "
                     "lãnh đạo thực hiện tốt công tác phòng, chống dịch Covid-19 và chăm lo cho cán "
                     "bộ, giáo viên, nhân viên dịp Tết Nguyên đán Nhâm Dần.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 92, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-T02", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 2, 10),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 45),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 01: cán bộ, giáo viên, nhân viên đón Tết "
                             "Nguyên đán Nhâm Dần vui tươi, an toàn, trở lại làm việc đầy đủ sau kỳ "
                             "nghỉ Tết. Chi bộ triển khai nhiệm vụ tháng 02, trong đó trọng tâm là "
                             "chuẩn bị các điều kiện để đón trẻ trở lại trường học trực tiếp.",
         "Kết luận": "Tiếp tục duy trì liên lạc với phụ huynh qua nhóm lớp trong thời gian trẻ chưa "
                     "đến trường. Giao đồng chí Trần Thị Mỹ Linh xây dựng dự thảo phương án đón trẻ "
                     "trở lại trường, trình chi bộ tại buổi sinh hoạt tháng 3.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 91, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-Q1", "Loại": "Kết hợp", "Ngày": dt.date(2022, 3, 10),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 30),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Người trình bày": "Trần Thị Mỹ Linh",
         "Khách mời": "Bà Nguyễn Thị Mai, Trưởng Trạm Y tế xã Mỹ Hòa",
         "Ngày duyệt đề cương": dt.date(2022, 3, 3), "Ngày gửi tài liệu": dt.date(2022, 3, 4),
         "Tài liệu": "tai-lieu/de-cuong-quy-1.docx",
         "Tóm tắt nội dung": "Phần sinh hoạt thường kỳ: chi bộ đánh giá kết quả tháng 02 và đề ra "
                             "nhiệm vụ tháng 3. Phần chuyên đề: đồng chí Trần Thị Mỹ Linh trình bày "
                             "các phương án bảo đảm an toàn khi đón trẻ trở lại trường học trực "
                             "tiếp: kiểm tra sức khỏe trẻ và giáo viên, bố trí lớp, khử khuẩn phòng "
                             "nhóm, quy trình xử lý khi có trường hợp nghi nhiễm. Ban giám hiệu và tổ "
                             "chuyên môn đã rà soát cơ sở vật chất từng lớp trước buổi sinh hoạt.",
         "Kết luận": "Chi bộ thống nhất phương án đón trẻ trở lại trường theo từng nhóm tuổi, bảo "
                     "đảm an toàn cho trẻ là trên hết. Mỗi đảng viên gương mẫu thực hiện và vận động "
                     "phụ huynh phối hợp với nhà trường; chi ủy theo dõi, kiểm tra việc thực hiện "
                     "hằng tuần.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 88, "Xếp loại": "Khá"},
        {"Mã buổi": "2022-T04", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 4, 7),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 40),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 3: trẻ đã trở lại trường an toàn, tỷ lệ "
                             "trẻ đi học đạt trên 95%. Chi bộ triển khai nhiệm vụ tháng 4 và phân "
                             "công chuẩn bị chuyên đề quý 2 “Học tập và làm theo tấm gương đạo đức "
                             "Hồ Chí Minh”.",
         "Kết luận": "Tiếp tục duy trì các biện pháp phòng dịch tại trường, chuẩn bị tốt hội thi "
                     "“Bé khỏe, bé ngoan” cuối năm học. Giao đồng chí Võ Thị Kim Oanh chuẩn bị đề "
                     "cương chuyên đề quý 2, gửi chi ủy duyệt trước ngày 10/5/2022.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 91, "Xếp loại": "Tốt", "Ra nghị quyết": "Có"},
        {"Mã buổi": "2022-T05", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 5, 5),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 40),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 4: hội thi “Bé khỏe, bé ngoan” được tổ "
                             "chức an toàn, đạt kết quả tốt. Chi bộ triển khai nhiệm vụ tháng 5 "
                             "gắn với công tác cuối năm học: đánh giá sự phát triển của trẻ, tổ chức "
                             "lễ ra trường cho trẻ 5 tuổi và đánh giá, xếp loại viên chức năm học "
                             "2021–2022.",
         "Kết luận": "Các lớp hoàn thành đánh giá sự phát triển của trẻ cuối năm học trước ngày "
                     "20/5/2022; lễ ra trường tổ chức gọn nhẹ, an toàn, ấm cúng. Đảng viên gương mẫu "
                     "tự đánh giá, xếp loại viên chức nghiêm túc, đúng thực chất.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 92, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-Q2", "Loại": "Chuyên đề", "Ngày": dt.date(2022, 5, 17),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 0),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Người trình bày": "Võ Thị Kim Oanh",
         "Ngày duyệt đề cương": dt.date(2022, 5, 10), "Ngày gửi tài liệu": dt.date(2022, 5, 10),
         "Tài liệu": "tai-lieu/de-cuong-quy-2.docx",
         "Tóm tắt nội dung": "Nhân kỷ niệm 132 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 – "
                             "19/5/2022), đồng chí Võ Thị Kim Oanh trình bày chuyên đề về đạo đức, "
                             "lối sống giản dị và tình yêu thương thiếu nhi của Bác. Chi bộ liên hệ "
                             "việc thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị trong từng vị trí "
                             "công tác. Chi bộ giới thiệu đồng chí Lý Thị Yến Nhi, đảng viên mới "
                             "chuyển sinh hoạt đến từ ngày 09/5/2022.",
         "Kết luận": "Mỗi đảng viên đăng ký ít nhất một việc làm cụ thể để làm theo Bác, gắn với "
                     "nhiệm vụ chăm sóc, giáo dục trẻ, và đưa vào bản cam kết tu dưỡng, rèn luyện "
                     "năm 2022. Chi ủy theo dõi việc thực hiện và đánh giá vào cuối năm.",
         "Biểu quyết": "12/12 nhất trí", "Điểm": 94, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-T06", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 6, 2),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 35),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 5: lễ ra trường cho trẻ 5 tuổi và các "
                             "hoạt động vui chơi chào mừng Ngày Quốc tế Thiếu nhi 1/6 diễn ra an "
                             "toàn, vui tươi. Chi bộ triển khai nhiệm vụ tháng 6: tổ chức trông trẻ "
                             "trong hè, phân công giáo viên trực hè và tham gia bồi dưỡng chuyên môn, "
                             "chính trị hè.",
         "Kết luận": "Bảo đảm an toàn tuyệt đối cho trẻ trong thời gian trông trẻ hè, chú ý phòng "
                     "chống đuối nước và ngộ độc thực phẩm. Giao đồng chí Võ Thị Kim Oanh lập lịch "
                     "trực hè, trình Ban giám hiệu duyệt, để giáo viên vừa được nghỉ hè, vừa tham gia "
                     "đầy đủ các lớp bồi dưỡng.",
         "Biểu quyết": "13/13 nhất trí", "Điểm": 90, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-T07", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 7, 7),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 30),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Trần Thị Mỹ Linh", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Do đồng chí Bí thư đi công tác, đồng chí Phó bí thư chủ trì buổi sinh "
                             "hoạt. Chi bộ đánh giá kết quả năm học 2021–2022: nhà trường hoàn thành "
                             "tốt kế hoạch, không có trường hợp mất an toàn cho trẻ. Chi bộ bàn công "
                             "tác tuyển sinh và chuẩn bị cơ sở vật chất cho năm học 2022–2023.",
         "Kết luận": "Giao Ban giám hiệu xây dựng kế hoạch tuyển sinh năm học mới, sửa chữa phòng "
                     "học và đồ chơi ngoài trời trong dịp hè. Chi bộ nhắc nhở đảng viên vắng sinh "
                     "hoạt không có lý do phải nghiêm túc rút kinh nghiệm.",
         "Biểu quyết": "11/11 nhất trí", "Điểm": 85, "Xếp loại": "Khá"},
        {"Mã buổi": "2022-T08", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 8, 4),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 30),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 7: công tác trông trẻ hè bảo đảm an "
                             "toàn; việc sửa chữa phòng học và hệ thống thoát nước sân trường đang "
                             "được triển khai đúng kế hoạch. Chi bộ bàn công tác tuyển sinh, sắp xếp "
                             "lớp và chuẩn bị các điều kiện cho lễ khai giảng năm học 2022–2023.",
         "Kết luận": "Hoàn thành việc sửa chữa cơ sở vật chất trước ngày 15/8/2022; các lớp trang "
                     "trí, bổ sung đồ dùng, đồ chơi để sẵn sàng đón trẻ. Đảng viên tham gia đầy đủ "
                     "lớp bồi dưỡng chính trị hè và gương mẫu trong công tác chuẩn bị năm học mới.",
         "Biểu quyết": "13/13 nhất trí", "Điểm": 91, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-Q3", "Loại": "Kết hợp", "Ngày": dt.date(2022, 9, 15),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 30),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Người trình bày": "Phạm Thị Hồng Nhung",
         "Ngày duyệt đề cương": dt.date(2022, 9, 6), "Ngày gửi tài liệu": dt.date(2022, 9, 8),
         "Tài liệu": "tai-lieu/de-cuong-quy-3.docx",
         "Tóm tắt nội dung": "Phần sinh hoạt thường kỳ: chi bộ đánh giá công tác khai giảng năm học "
                             "2022–2023 và đề ra nhiệm vụ tháng 9, tháng 10. Phần chuyên đề: đồng chí "
                             "Phạm Thị Hồng Nhung trình bày cách xây dựng môi trường thiên nhiên "
                             "trong và ngoài lớp học để trẻ được trải nghiệm, khám phá, gắn với "
                             "chuyên đề “Xây dựng trường mầm non lấy trẻ làm trung tâm”. Chi bộ tham "
                             "quan góc thiên nhiên mẫu của lớp Lá 1.",
         "Kết luận": "Mỗi lớp xây dựng góc thiên nhiên phù hợp với độ tuổi, tận dụng cây xanh và "
                     "nguyên vật liệu sẵn có ở địa phương; khu vườn rau của bé được cải tạo để trẻ "
                     "trực tiếp chăm sóc. Đảng viên là giáo viên gương mẫu thực hiện; Ban giám hiệu "
                     "và tổ chuyên môn kiểm tra, đánh giá vào cuối học kỳ I.",
         "Biểu quyết": "12/12 nhất trí", "Điểm": 93, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-T10", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 10, 6),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 45),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 9 và triển khai nhiệm vụ tháng 10; nghe "
                             "Ban giám hiệu báo cáo việc chuẩn bị hội giảng chào mừng Ngày Nhà giáo "
                             "Việt Nam 20/11. Chi ủy báo cáo sơ bộ tình hình quần chúng ưu tú trong "
                             "trường để chuẩn bị chuyên đề quý 4.",
         "Kết luận": "Giao Chi ủy rà soát, lập danh sách quần chúng ưu tú và phân công đảng viên "
                     "theo dõi, giúp đỡ. Đảng viên là giáo viên tích cực tham gia hội giảng, mỗi tổ "
                     "khối có ít nhất một tiết dạy đạt loại tốt.",
         "Biểu quyết": "13/13 nhất trí", "Điểm": 93, "Xếp loại": "Tốt", "Ra nghị quyết": "Có"},
        {"Mã buổi": "2022-T11", "Loại": "Thường kỳ", "Ngày": dt.date(2022, 11, 3),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(15, 45),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Tóm tắt nội dung": "Chi bộ đánh giá kết quả tháng 10 và triển khai nhiệm vụ tháng 11, "
                             "trọng tâm là các hoạt động chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt "
                             "Nam (20/11/1982 – 20/11/2022). Ban giám hiệu báo cáo tiến độ hội giảng; "
                             "chi ủy báo cáo việc rà soát danh sách quần chúng ưu tú.",
         "Kết luận": "Tổ chức hội giảng nghiêm túc, thiết thực và buổi gặp mặt kỷ niệm Ngày Nhà giáo "
                     "Việt Nam trang trọng, tiết kiệm. Chi ủy hoàn thành danh sách quần chúng ưu tú "
                     "trước ngày 30/11/2022 để chuẩn bị chuyên đề quý 4.",
         "Biểu quyết": "13/13 nhất trí", "Điểm": 93, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-Q4", "Loại": "Kết hợp", "Ngày": dt.date(2022, 12, 8),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 30),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Đỗ Thị Thùy Dung",
         "Người trình bày": "Lê Thị Ngọc Ánh",
         "Đại biểu cấp trên": "Trần Văn Hùng, Đảng ủy viên Đảng ủy xã Mỹ Hòa, phụ trách khối "
                              "giáo dục",
         "Ngày duyệt đề cương": dt.date(2022, 11, 24), "Ngày gửi tài liệu": dt.date(2022, 12, 1),
         "Tài liệu": "tai-lieu/de-cuong-quy-4.docx",
         "Tóm tắt nội dung": "Phần sinh hoạt thường kỳ: chi bộ đánh giá kết quả tháng 11 và đề ra "
                             "nhiệm vụ tháng 12.\nPhần chuyên đề: đồng chí Lê Thị Ngọc Ánh trình bày "
                             "tình hình, nguyên nhân khó khăn của công tác phát triển đảng viên ở "
                             "trường và đề xuất giải pháp tạo nguồn.",
         "Kết luận": "Chi bộ thống nhất giới thiệu hai quần chúng ưu tú đi học lớp bồi dưỡng nhận "
                     "thức về Đảng trong quý 1 năm 2023 và phân công đảng viên chính thức theo dõi, "
                     "giúp đỡ từng quần chúng. Chi bộ phấn đấu năm 2023 kết nạp ít nhất một đảng "
                     "viên mới.",
         "Biểu quyết": "12/12 nhất trí", "Điểm": 95, "Xếp loại": "Tốt"},
        {"Mã buổi": "2022-KD", "Loại": "Kiểm điểm cuối năm", "Ngày": dt.date(2022, 12, 20),
         "Bắt đầu": dt.time(14, 0), "Kết thúc": dt.time(16, 45),
         "Địa điểm": "Phòng họp Trường Mầm non Mỹ Hòa",
         "Chủ trì": "Nguyễn Thị Thu Hà", "Thư ký": "Lê Thị Ngọc Ánh",
         "Đại biểu cấp trên": "Trần Văn Hùng",
         "Tóm tắt nội dung": "Hội nghị kiểm điểm, đánh giá, xếp loại chất lượng tập thể chi bộ và "
                             "đảng viên năm 2022.",
         "Kết luận": "Chi bộ thống nhất đề nghị Đảng ủy xã xếp loại tập thể chi bộ «Hoàn thành "
                     "tốt nhiệm vụ» và các mức xếp loại đảng viên như danh sách kèm theo. Đảng viên "
                     "có khuyết điểm xây dựng kế hoạch khắc phục, báo cáo chi ủy trong tháng 01/2023."},
    ],

    "Vắng mặt": [
        {"Mã buổi": "2022-KD", "Họ và tên": "Võ Thị Kim Oanh",
         "Lý do": "Đi tập huấn chuyên môn, đã gửi bản kiểm điểm cho chi bộ"},
        {"Mã buổi": "2022-T01", "Họ và tên": "Đặng Thị Bích Ngọc", "Lý do": "Con nhỏ ốm"},
        {"Mã buổi": "2022-T02", "Họ và tên": "Đỗ Thị Thùy Dung",
         "Lý do": "Nghỉ phép, về quê có việc gia đình"},
        {"Mã buổi": "2022-Q1", "Họ và tên": "Bùi Thị Lan Anh"},
        {"Mã buổi": "2022-T04", "Họ và tên": "Huỳnh Thị Thanh Tâm",
         "Lý do": "Ốm, có giấy xin phép"},
        {"Mã buổi": "2022-T05", "Họ và tên": "Phạm Thị Hồng Nhung",
         "Lý do": "Đưa con đi khám bệnh"},
        {"Mã buổi": "2022-Q2", "Họ và tên": "Nguyễn Văn Phúc", "Lý do": "Đi công tác"},
        {"Mã buổi": "2022-T07", "Họ và tên": "Nguyễn Thị Thu Hà", "Lý do": "Đi công tác"},
        {"Mã buổi": "2022-T07", "Họ và tên": "Hồ Văn Tuấn"},
        {"Mã buổi": "2022-T08", "Họ và tên": "Ngô Thị Phương Thảo",
         "Lý do": "Tham gia lớp bồi dưỡng chuyên môn hè của Phòng Giáo dục và Đào tạo"},
        {"Mã buổi": "2022-Q3", "Họ và tên": "Phan Thị Minh Châu", "Lý do": "Con nhỏ ốm"},
        {"Mã buổi": "2022-Q4", "Họ và tên": "Võ Thị Kim Oanh",
         "Lý do": "Đi tập huấn chuyên môn tại Phòng Giáo dục và Đào tạo"},
    ],

    "Ý kiến": [
        {"Mã buổi": "2022-KD", "Người phát biểu": "Trần Thị Mỹ Linh",
         "Nội dung": "Thống nhất với báo cáo kiểm điểm tập thể; đề nghị chi bộ làm rõ nguyên nhân "
                     "còn đảng viên vắng sinh hoạt không lý do và biện pháp khắc phục trong năm "
                     "2023."},
        {"Mã buổi": "2022-KD", "Người phát biểu": "Trần Văn Hùng",
         "Nội dung": "Ghi nhận chi bộ chuẩn bị hội nghị chu đáo, đúng hướng dẫn; đề nghị chi bộ "
                     "hoàn thiện hồ sơ, gửi Đảng ủy xã trước ngày 31/12/2022."},
        {"Mã buổi": "2022-T01", "Người phát biểu": "Trần Thị Mỹ Linh",
         "Nội dung": "Đề nghị chuyên đề quý 1 tập trung vào các phương án đón trẻ trở lại trường "
                     "học trực tiếp, sát với tình hình dịch bệnh."},
        {"Mã buổi": "2022-T01", "Người phát biểu": "Phạm Thị Hồng Nhung",
         "Nội dung": "Thống nhất với dự thảo kế hoạch; đề nghị phân công rõ đảng viên chuẩn bị từng "
                     "chuyên đề và thời gian duyệt đề cương."},
        {"Mã buổi": "2022-T02", "Người phát biểu": "Huỳnh Thị Thanh Tâm",
         "Nội dung": "Đề nghị giáo viên các lớp tiếp tục hướng dẫn phụ huynh theo dõi sức khỏe, chế "
                     "độ ăn uống, ngủ nghỉ của trẻ ở nhà sau Tết, để trẻ sẵn sàng khi trở lại "
                     "trường."},
        {"Mã buổi": "2022-Q1", "Người phát biểu": "Phạm Thị Hồng Nhung",
         "Nội dung": "Đề nghị chia giờ đón trẻ theo từng khối lớp để tránh tập trung đông phụ huynh "
                     "ở cổng trường; giáo viên đo thân nhiệt cho trẻ ngay tại cửa lớp."},
        {"Mã buổi": "2022-Q1", "Người phát biểu": "Nguyễn Văn Phúc",
         "Nội dung": "Báo cáo kinh phí mua nước sát khuẩn, khẩu trang và nhiệt kế đã được bố trí đủ "
                     "cho ba tháng; đề nghị các lớp báo số lượng cần dùng trước ngày 12/3."},
        {"Mã buổi": "2022-Q1", "Người phát biểu": "Huỳnh Thị Thanh Tâm",
         "Nội dung": "Đề nghị bố trí một phòng cách ly tạm thời và phân công người trực y tế mỗi "
                     "buổi, để xử lý kịp thời khi có trẻ sốt hoặc ho."},
        {"Mã buổi": "2022-T04", "Người phát biểu": "Nguyễn Văn Phúc",
         "Nội dung": "Đề nghị rà soát lại dự toán vật tư phòng dịch để bảo đảm đủ dùng đến hết năm "
                     "học."},
        {"Mã buổi": "2022-T05", "Người phát biểu": "Bùi Thị Lan Anh",
         "Nội dung": "Đề nghị tổ chức lễ ra trường cho trẻ 5 tuổi theo từng lớp, mời phụ huynh cùng "
                     "dự, chú trọng để trẻ được biểu diễn văn nghệ và chia tay cô giáo, bạn bè."},
        {"Mã buổi": "2022-Q2", "Người phát biểu": "Lý Thị Yến Nhi",
         "Nội dung": "Xin hứa sớm hòa nhập và học hỏi kinh nghiệm của chi bộ; đăng ký làm theo Bác "
                     "bằng việc kiên trì, nhẹ nhàng với trẻ và tự làm đồ dùng dạy học từ vật liệu tái "
                     "chế."},
        {"Mã buổi": "2022-Q2", "Người phát biểu": "Đỗ Thị Thùy Dung",
         "Nội dung": "Đề nghị mỗi buổi sinh hoạt thường kỳ dành ít phút kể một mẩu chuyện về Bác, để "
                     "việc học tập được thường xuyên, không chỉ vào dịp kỷ niệm."},
        {"Mã buổi": "2022-Q2", "Người phát biểu": "Ngô Thị Phương Thảo",
         "Nội dung": "Là đảng viên dự bị, bản thân đồng chí tự nhận thấy cần rèn luyện tác phong "
                     "đúng giờ, khiêm tốn học hỏi các đồng chí đi trước; đăng ký giúp đỡ một giáo "
                     "viên mới trong tổ khối."},
        {"Mã buổi": "2022-T06", "Người phát biểu": "Võ Thị Kim Oanh",
         "Nội dung": "Đề nghị phân công giáo viên trực trông trẻ hè luân phiên theo tuần, bảo đảm "
                     "mỗi giáo viên đều có thời gian nghỉ hè và tham gia đầy đủ các lớp bồi dưỡng."},
        {"Mã buổi": "2022-T07", "Người phát biểu": "Nguyễn Văn Phúc",
         "Nội dung": "Đề nghị ưu tiên kinh phí sửa chữa hệ thống thoát nước sân trường trước mùa "
                     "mưa."},
        {"Mã buổi": "2022-T08", "Người phát biểu": "Hồ Văn Tuấn",
         "Nội dung": "Báo cáo việc sửa chữa phòng học và hệ thống thoát nước sân trường đã hoàn "
                     "thành khoảng hai phần ba khối lượng; cam kết xong trước ngày 15/8 để các lớp "
                     "kịp trang trí, đón trẻ."},
        {"Mã buổi": "2022-Q3", "Người phát biểu": "Huỳnh Thị Thanh Tâm",
         "Nội dung": "Đề nghị vận động phụ huynh đóng góp chậu cây, hạt giống để trẻ tự gieo trồng "
                     "và theo dõi sự phát triển của cây."},
        {"Mã buổi": "2022-Q3", "Người phát biểu": "Hồ Văn Tuấn",
         "Nội dung": "Nhận cải tạo khu vườn phía sau trường, làm lối đi và hệ thống tưới nước để trẻ "
                     "chăm sóc cây an toàn."},
        {"Mã buổi": "2022-Q3", "Người phát biểu": "Lý Thị Yến Nhi",
         "Nội dung": "Chia sẻ kinh nghiệm tổ chức hoạt động chơi với cát, nước, sỏi ở đơn vị cũ; "
                     "đề nghị bố trí góc chơi này ngoài sân trường."},
        {"Mã buổi": "2022-Q3", "Người phát biểu": "Bùi Thị Lan Anh",
         "Nội dung": "Lưu ý chọn cây không có gai, không có nhựa độc để bảo đảm an toàn cho trẻ."},
        {"Mã buổi": "2022-T10", "Người phát biểu": "Đặng Thị Bích Ngọc",
         "Nội dung": "Đề nghị quan tâm bồi dưỡng các giáo viên trẻ có tinh thần trách nhiệm, tích "
                     "cực trong phong trào để tạo nguồn phát triển đảng viên."},
        {"Mã buổi": "2022-T11", "Người phát biểu": "Đỗ Thị Thùy Dung",
         "Nội dung": "Đề nghị mời các nhà giáo đã nghỉ hưu của trường dự buổi gặp mặt kỷ niệm Ngày "
                     "Nhà giáo Việt Nam, để tri ân và gắn kết các thế hệ giáo viên."},
        {"Mã buổi": "2022-Q4", "Người phát biểu": "Trần Thị Mỹ Linh",
         "Nội dung": "Đề nghị Ban giám hiệu giao việc, tạo điều kiện để quần chúng ưu tú được thử "
                     "thách, rèn luyện qua các phong trào thi đua của nhà trường."},
        {"Mã buổi": "2022-Q4", "Người phát biểu": "Ngô Thị Phương Thảo",
         "Nội dung": "Chia sẻ kinh nghiệm của bản thân trong quá trình phấn đấu vào Đảng; đề nghị "
                     "đảng viên được phân công giúp đỡ thường xuyên trao đổi, động viên quần chúng."},
        {"Mã buổi": "2022-Q4", "Người phát biểu": "Phan Thị Minh Châu",
         "Nội dung": "Đề nghị chi bộ phối hợp với Công đoàn trường kịp thời biểu dương quần chúng có "
                     "thành tích nổi bật trong năm học."},
        {"Mã buổi": "2022-Q4", "Người phát biểu": "Trần Văn Hùng",
         "Nội dung": "Ghi nhận cố gắng của chi bộ trong công tác tạo nguồn; đề nghị chi bộ phối hợp "
                     "với Công đoàn, Đoàn thanh niên để phát hiện, bồi dưỡng quần chúng ưu tú, "
                     "báo cáo Đảng ủy xã kết quả trong quý 1 năm 2023."},
    ],

    "Nhiệm vụ": [
        {"Mã buổi": "2022-T01",
         "Nội dung": "Hoàn chỉnh kế hoạch sinh hoạt chuyên đề năm 2022, ban hành và báo cáo Đảng ủy "
                     "xã.",
         "Người thực hiện": "Nguyễn Thị Thu Hà", "Thời hạn": dt.date(2022, 1, 10),
         "Kết quả": "Đã hoàn thành: Kế hoạch số 05-KH/CB ngày 06/01/2022 đã gửi Đảng ủy xã.",
         "Ngày có kết quả": dt.date(2022, 1, 6)},
        {"Mã buổi": "2022-T02",
         "Nội dung": "Xây dựng dự thảo phương án đón trẻ trở lại trường học trực tiếp, gửi đảng viên "
                     "nghiên cứu trước buổi sinh hoạt tháng 3.",
         "Người thực hiện": "Trần Thị Mỹ Linh", "Thời hạn": dt.date(2022, 3, 5),
         "Kết quả": "Đã hoàn thành: dự thảo phương án đã gửi đảng viên ngày 04/3/2022.",
         "Ngày có kết quả": dt.date(2022, 3, 4)},
        {"Mã buổi": "2022-Q1",
         "Nội dung": "Hoàn thiện phương án bảo đảm an toàn khi đón trẻ trở lại trường, trình Ban "
                     "giám hiệu phê duyệt và thông báo đến phụ huynh.",
         "Người thực hiện": "Trần Thị Mỹ Linh", "Thời hạn": dt.date(2022, 3, 14),
         "Kết quả": "Đã hoàn thành: phương án được phê duyệt ngày 12/3/2022 và gửi đến toàn thể phụ "
                    "huynh.",
         "Ngày có kết quả": dt.date(2022, 3, 12)},
        {"Mã buổi": "2022-Q1",
         "Nội dung": "Tổng vệ sinh, khử khuẩn phòng nhóm, đồ dùng, đồ chơi trước khi đón trẻ.",
         "Người thực hiện": "Hồ Văn Tuấn", "Thời hạn": dt.date(2022, 3, 13),
         "Kết quả": "Đã hoàn thành: toàn bộ phòng nhóm và sân chơi đã được khử khuẩn.",
         "Ngày có kết quả": dt.date(2022, 3, 13)},
        {"Mã buổi": "2022-Q1",
         "Nội dung": "Tuyên truyền, vận động phụ huynh theo dõi sức khỏe của trẻ và đưa đón trẻ đúng "
                     "giờ quy định.",
         "Người thực hiện": "Toàn chi bộ", "Thời hạn": dt.date(2022, 3, 31),
         "Kết quả": "Đã hoàn thành: phụ huynh các lớp đều ký cam kết phối hợp với nhà trường.",
         "Ngày có kết quả": dt.date(2022, 3, 16)},
        {"Mã buổi": "2022-T04",
         "Nội dung": "Chuẩn bị đề cương chuyên đề quý 2, gửi chi ủy duyệt.",
         "Người thực hiện": "Võ Thị Kim Oanh", "Thời hạn": dt.date(2022, 5, 10),
         "Kết quả": "Đã hoàn thành: đề cương được chi ủy duyệt ngày 10/5/2022 và gửi đảng viên.",
         "Ngày có kết quả": dt.date(2022, 5, 10)},
        {"Mã buổi": "2022-T05",
         "Nội dung": "Phối hợp với giáo viên các lớp mẫu giáo 5 tuổi tổ chức lễ ra trường cho trẻ.",
         "Người thực hiện": "Bùi Thị Lan Anh", "Thời hạn": dt.date(2022, 5, 27),
         "Kết quả": "Đã hoàn thành: lễ ra trường được tổ chức ngày 27/5/2022 tại các lớp, an toàn, "
                    "vui tươi.",
         "Ngày có kết quả": dt.date(2022, 5, 27)},
        {"Mã buổi": "2022-Q2",
         "Nội dung": "Mỗi đảng viên đăng ký việc làm cụ thể để làm theo tấm gương đạo đức Hồ Chí "
                     "Minh, nộp cho chi ủy.",
         "Người thực hiện": "Toàn chi bộ", "Thời hạn": dt.date(2022, 5, 31),
         "Kết quả": "Đã hoàn thành: các đảng viên đã nộp bản đăng ký.",
         "Ngày có kết quả": dt.date(2022, 5, 31)},
        {"Mã buổi": "2022-Q2",
         "Nội dung": "Tổng hợp bản đăng ký, theo dõi việc thực hiện và đánh giá vào cuối năm.",
         "Người thực hiện": "Chi ủy", "Thời hạn": dt.date(2022, 12, 15),
         "Kết quả": "Đã hoàn thành: chi ủy đã đánh giá và biểu dương 3 đảng viên làm theo Bác tiêu "
                    "biểu.",
         "Ngày có kết quả": dt.date(2022, 12, 15)},
        {"Mã buổi": "2022-T06",
         "Nội dung": "Lập lịch phân công giáo viên trực trông trẻ hè và danh sách đăng ký các lớp bồi "
                     "dưỡng hè, trình Ban giám hiệu duyệt.",
         "Người thực hiện": "Võ Thị Kim Oanh", "Thời hạn": dt.date(2022, 6, 10),
         "Kết quả": "Đã hoàn thành: lịch trực hè được duyệt ngày 08/6/2022 và thông báo đến giáo "
                    "viên.",
         "Ngày có kết quả": dt.date(2022, 6, 8)},
        {"Mã buổi": "2022-T07",
         "Nội dung": "Lập kế hoạch và tổ chức sửa chữa phòng học, đồ chơi ngoài trời trong dịp hè.",
         "Người thực hiện": "Nguyễn Văn Phúc", "Thời hạn": dt.date(2022, 8, 15),
         "Kết quả": "Đã hoàn thành: đã sửa chữa 4 phòng học và hệ thống thoát nước sân trường.",
         "Ngày có kết quả": dt.date(2022, 8, 15)},
        {"Mã buổi": "2022-T08",
         "Nội dung": "Hướng dẫn các lớp trang trí, bổ sung đồ dùng, đồ chơi để đón trẻ nhập học năm "
                     "học 2022–2023.",
         "Người thực hiện": "Phạm Thị Hồng Nhung", "Thời hạn": dt.date(2022, 8, 31),
         "Kết quả": "Đã hoàn thành: tất cả các lớp đã sẵn sàng đón trẻ trước ngày khai giảng.",
         "Ngày có kết quả": dt.date(2022, 8, 31)},
        {"Mã buổi": "2022-Q3",
         "Nội dung": "Hướng dẫn các lớp xây dựng góc thiên nhiên phù hợp với độ tuổi.",
         "Người thực hiện": "Phạm Thị Hồng Nhung", "Thời hạn": dt.date(2022, 10, 31),
         "Kết quả": "Đã hoàn thành: tất cả các lớp đã có góc thiên nhiên.",
         "Ngày có kết quả": dt.date(2022, 10, 31)},
        {"Mã buổi": "2022-Q3",
         "Nội dung": "Cải tạo khu vườn rau của bé, làm lối đi và hệ thống tưới nước.",
         "Người thực hiện": "Hồ Văn Tuấn", "Thời hạn": dt.date(2022, 11, 15),
         "Kết quả": "Đã hoàn thành: khu vườn được đưa vào sử dụng từ ngày 14/11/2022.",
         "Ngày có kết quả": dt.date(2022, 11, 14)},
        {"Mã buổi": "2022-T10",
         "Nội dung": "Rà soát, lập danh sách quần chúng ưu tú, phân công đảng viên theo dõi, giúp đỡ.",
         "Người thực hiện": "Chi ủy", "Thời hạn": dt.date(2022, 11, 30),
         "Kết quả": "Đã hoàn thành: đã lập danh sách 3 quần chúng ưu tú, báo cáo tại buổi sinh hoạt "
                    "chuyên đề quý 4.",
         "Ngày có kết quả": dt.date(2022, 12, 8)},
        {"Mã buổi": "2022-T11",
         "Nội dung": "Phối hợp với Công đoàn trường tổ chức gặp mặt kỷ niệm 40 năm Ngày Nhà giáo Việt "
                     "Nam và tổng kết hội giảng.",
         "Người thực hiện": "Chi ủy", "Thời hạn": dt.date(2022, 11, 20),
         "Kết quả": "Đã hoàn thành: buổi gặp mặt được tổ chức ngày 18/11/2022; biểu dương 6 giáo "
                    "viên có tiết dạy đạt loại tốt.",
         "Ngày có kết quả": dt.date(2022, 11, 18)},
        {"Mã buổi": "2022-Q4",
         "Nội dung": "Phân công đảng viên chính thức giúp đỡ từng quần chúng ưu tú, báo cáo chi ủy.",
         "Người thực hiện": "Lê Thị Ngọc Ánh", "Thời hạn": dt.date(2022, 12, 20),
         "Kết quả": "Đã hoàn thành: đã phân công 3 đảng viên giúp đỡ 3 quần chúng ưu tú.",
         "Ngày có kết quả": dt.date(2022, 12, 20)},
        {"Mã buổi": "2022-Q4",
         "Nội dung": "Làm thủ tục giới thiệu hai quần chúng ưu tú đi học lớp bồi dưỡng nhận thức về "
                     "Đảng.",
         "Người thực hiện": "Chi ủy", "Thời hạn": dt.date(2023, 3, 31)},
    ],

    "Đánh giá": [
        {"Kỳ": "Quý 1",
         "Ưu điểm": "Chi bộ tổ chức sinh hoạt đúng kế hoạch; chuyên đề quý 1 được chuẩn bị kỹ, sát "
                    "với yêu cầu đón trẻ trở lại trường. Các phương án an toàn được triển khai kịp "
                    "thời, không có trường hợp mất an toàn cho trẻ.",
         "Hạn chế": "Còn một đảng viên vắng sinh hoạt không có lý do nên buổi sinh hoạt chuyên đề chỉ "
                    "đạt loại Khá. Một số ý kiến thảo luận chưa "
                    "đi sâu vào giải pháp cụ thể.",
         "Nguyên nhân": "Một số đảng viên chưa sắp xếp được công việc gia đình; thời gian chuẩn bị "
                        "chuyên đề còn ngắn do dịch bệnh diễn biến phức tạp.",
         "Phương hướng": "Quý 2 tổ chức sinh hoạt chuyên đề “Học tập và làm theo tấm gương đạo đức "
                         "Hồ Chí Minh” gắn với kỷ niệm Ngày sinh của Bác; nhắc nhở đảng viên chấp "
                         "hành nghiêm quy định sinh hoạt chi bộ.",
         "Kiến nghị": "Đề nghị Đảng ủy xã cung cấp thêm tài liệu phục vụ sinh hoạt chuyên đề về học "
                      "tập và làm theo tấm gương đạo đức Hồ Chí Minh."},
        {"Kỳ": "Quý 2",
         "Ưu điểm": "Chuyên đề quý 2 được tổ chức đúng dịp kỷ niệm Ngày sinh Chủ tịch Hồ Chí Minh; "
                    "đảng viên đều đăng ký việc làm cụ thể để làm theo Bác. Chi bộ tiếp nhận và giới "
                    "thiệu sinh hoạt kịp thời một đảng viên chuyển đến.",
         "Hạn chế": "Việc liên hệ bản thân của một số đảng viên còn chung chung.",
         "Nguyên nhân": "Một số đảng viên chưa dành nhiều thời gian nghiên cứu tài liệu trước buổi "
                        "sinh hoạt.",
         "Phương hướng": "Quý 3 tổ chức sinh hoạt chuyên đề “Xây dựng môi trường thiên nhiên lấy trẻ "
                         "làm trung tâm”, gắn với chuẩn bị năm học 2022–2023.",
         "Kiến nghị": "Không có."},
        {"Kỳ": "Quý 3",
         "Ưu điểm": "Chuyên đề quý 3 gắn chặt với nhiệm vụ chuyên môn đầu năm học; các lớp đã bắt "
                    "tay xây dựng góc thiên nhiên. Các ý kiến thảo luận sôi nổi, thiết thực.",
         "Hạn chế": "Buổi sinh hoạt thường kỳ tháng 7 chỉ đạt loại Khá, có một đảng viên vắng không "
                    "có lý do.",
         "Nguyên nhân": "Đồng chí Bí thư trùng lịch công tác; ý thức chấp hành sinh hoạt của một đảng "
                        "viên chưa cao.",
         "Phương hướng": "Quý 4 tổ chức sinh hoạt chuyên đề “Công tác phát triển đảng viên mới trong "
                         "chi bộ”; chi ủy rà soát nguồn quần chúng ưu tú trước buổi sinh hoạt.",
         "Kiến nghị": "Không có."},
        {"Kỳ": "Quý 4",
         "Ưu điểm": "Chi bộ hoàn thành chuyên đề quý 4 với sự tham dự, chỉ đạo của đại diện Đảng ủy "
                    "xã; đã xác định được nguồn quần chúng ưu tú và phân công đảng viên giúp đỡ.",
         "Hạn chế": "Công tác tạo nguồn còn chậm: năm 2022 chi bộ mới kết nạp được một đảng viên "
                    "(tháng 01/2022), quý 4 chưa có quần chúng đủ điều kiện xét kết nạp.",
         "Nguyên nhân": "Đội ngũ giáo viên trẻ còn ít; một số quần chúng chưa thật sự có động cơ phấn "
                        "đấu vào Đảng.",
         "Phương hướng": "Xây dựng kế hoạch sinh hoạt chuyên đề năm 2023; trong quý 1 năm 2023 giới "
                         "thiệu hai quần chúng ưu tú đi học lớp bồi dưỡng nhận thức về Đảng; xét "
                         "chuyển đảng viên chính thức cho đồng chí Ngô Thị Phương Thảo khi đủ 12 "
                         "tháng dự bị (03/01/2023).",
         "Kiến nghị": "Đề nghị Đảng ủy xã sớm mở lớp bồi dưỡng nhận thức về Đảng trong quý 1 năm "
                      "2023."},
        {"Kỳ": "Năm",
         "Ưu điểm": "Chi bộ tổ chức đủ bốn buổi sinh hoạt chuyên đề theo kế hoạch, mỗi quý một lần, "
                    "và duy trì sinh hoạt thường kỳ đều đặn mỗi tháng một lần; các buổi đều bảo đảm "
                    "thời lượng và tỷ lệ đảng viên dự họp. Nội dung chuyên đề gắn với nhiệm vụ chăm "
                    "sóc, giáo dục trẻ, góp phần để nhà trường hoàn thành tốt năm học.",
         "Hạn chế": "Còn hai lượt đảng viên vắng sinh hoạt không có lý do; hai buổi sinh hoạt chỉ "
                    "đạt loại Khá; cả năm mới kết nạp được một đảng viên.",
         "Nguyên nhân": "Một số đảng viên chưa nghiêm túc chấp hành quy định sinh hoạt; công tác tạo "
                        "nguồn phát triển đảng viên chưa được quan tâm đúng mức từ đầu năm.",
         "Phương hướng": "Năm 2023 tiếp tục đổi mới nội dung, hình thức sinh hoạt chuyên đề, lựa chọn "
                         "chuyên đề sát với nhiệm vụ của nhà trường; chú trọng công tác phát triển "
                         "đảng viên và nâng cao ý thức chấp hành sinh hoạt của đảng viên.",
         "Kiến nghị": "Đề nghị Đảng ủy xã tiếp tục cung cấp tài liệu sinh hoạt chuyên đề và tổ chức "
                      "tập huấn nghiệp vụ công tác đảng cho cấp ủy chi bộ."},
        {"Kỳ": "Kiểm điểm",
         "Ưu điểm": "Chi bộ lãnh đạo nhà trường hoàn thành tốt nhiệm vụ năm học 2021–2022 và "
                    "triển khai năm học 2022–2023 an toàn, nền nếp; đoàn kết, thống nhất; duy trì "
                    "sinh hoạt đúng Điều lệ, nội dung sinh hoạt thiết thực.",
         "Hạn chế": "Còn đảng viên vắng sinh hoạt không lý do; công tác tạo nguồn phát triển đảng "
                    "viên còn chậm; việc theo dõi thực hiện nghị quyết có lúc chưa thường xuyên.",
         "Nguyên nhân": "Chi ủy chưa kịp thời nhắc nhở đảng viên; lực lượng quần chúng trẻ còn mỏng.",
         "Phương hướng": "Năm 2023 chi ủy kiểm tra việc chấp hành sinh hoạt của từng đảng viên hằng "
                         "quý; bồi dưỡng hai quần chúng ưu tú để xét kết nạp; kiểm điểm việc thực "
                         "hiện nghị quyết tại mỗi buổi sinh hoạt thường kỳ."},
    ],

    "Tiêu chí": default_criteria_rows(),

    # The year's rating: the cell, then every member still in the cell on 31/12; twelve full
    # members vote at the review meeting (Thảo is still probationary, Oanh is absent with leave).
    "Xếp loại": [
        {"Đối tượng": "Chi bộ", "Tự xếp loại": "Hoàn thành tốt nhiệm vụ", "Điểm": 86,
         "Chi bộ đề nghị": "Hoàn thành tốt nhiệm vụ", "Tán thành": 12, "Không tán thành": 0},
        *[{"Đối tượng": name, "Tự xếp loại": level, "Chi bộ đề nghị": level,
           "Tán thành": agree, "Không tán thành": 12 - agree}
          for name, level, agree in (
              ("Nguyễn Thị Thu Hà", "Hoàn thành tốt nhiệm vụ", 12),
              ("Trần Thị Mỹ Linh", "Hoàn thành xuất sắc nhiệm vụ", 12),
              ("Lê Thị Ngọc Ánh", "Hoàn thành xuất sắc nhiệm vụ", 11),
              ("Phạm Thị Hồng Nhung", "Hoàn thành tốt nhiệm vụ", 12),
              ("Võ Thị Kim Oanh", "Hoàn thành tốt nhiệm vụ", 12),
              ("Huỳnh Thị Thanh Tâm", "Hoàn thành tốt nhiệm vụ", 12),
              ("Đặng Thị Bích Ngọc", "Hoàn thành tốt nhiệm vụ", 12),
              ("Nguyễn Văn Phúc", "Hoàn thành tốt nhiệm vụ", 12),
              ("Bùi Thị Lan Anh", "Hoàn thành nhiệm vụ", 12),
              ("Đỗ Thị Thùy Dung", "Hoàn thành tốt nhiệm vụ", 12),
              ("Ngô Thị Phương Thảo", "Hoàn thành tốt nhiệm vụ", 12),
              ("Phan Thị Minh Châu", "Hoàn thành tốt nhiệm vụ", 12),
              ("Trương Thị Hoa", "Hoàn thành tốt nhiệm vụ", 12),
              ("Lý Thị Yến Nhi", "Hoàn thành tốt nhiệm vụ", 12))],
        {"Đối tượng": "Hồ Văn Tuấn", "Tự xếp loại": "Hoàn thành tốt nhiệm vụ", "Điểm": 68,
         "Chi bộ đề nghị": "Hoàn thành nhiệm vụ", "Tán thành": 11, "Không tán thành": 1,
         "Ưu điểm": "Hoàn thành đúng hạn hai công việc chi bộ giao: khử khuẩn phòng nhóm trước "
                    "khi đón trẻ và cải tạo khu vườn rau của bé.",
         "Khuyết điểm, nguyên nhân": "Vắng buổi sinh hoạt thường kỳ tháng 7 không có lý do. "
                                     "Nguyên nhân: chưa sắp xếp hợp lý công việc gia đình, chưa "
                                     "báo cáo chi ủy.",
         "Biện pháp khắc phục": "Chấp hành nghiêm quy định sinh hoạt chi bộ; vắng họp phải báo "
                                "cáo và được chi ủy đồng ý."},
    ],

    "Chấm điểm": [{"Mã buổi": meeting, "STT tiêu chí": number, "Điểm": points}
                  for meeting, all_points in (("2022-Q1", (18, 16, 22, 18, 14)),
                                              ("2022-Q2", (19, 19, 24, 18, 14)),
                                              ("2022-Q3", (19, 18, 23, 19, 14)),
                                              ("2022-Q4", (20, 19, 24, 18, 14)))
                  for number, points in enumerate(all_points, start=1)],

    "Văn bản": [
        {"Loại": "KH", "Kỳ": "Năm", "Số": 5, "Ngày": dt.date(2022, 1, 6)},
        {"Loại": "BC", "Kỳ": "Quý 1", "Số": 7, "Ngày": dt.date(2022, 3, 17)},
        {"Loại": "NQ", "Kỳ": "2022-T04", "Số": 3, "Ngày": dt.date(2022, 4, 7)},
        {"Loại": "NQ", "Kỳ": "2022-T10", "Số": 4, "Ngày": dt.date(2022, 10, 6)},
        {"Loại": "BC", "Kỳ": "Quý 2", "Số": 8, "Ngày": dt.date(2022, 6, 16)},
        {"Loại": "BC", "Kỳ": "Quý 3", "Số": 9, "Ngày": dt.date(2022, 9, 22)},
        {"Loại": "BC", "Kỳ": "Quý 4", "Số": 10, "Ngày": dt.date(2022, 12, 15)},
        {"Loại": "BC", "Kỳ": "Năm", "Số": 11, "Ngày": dt.date(2022, 12, 26)},
        {"Loại": "BC", "Kỳ": "Kiểm điểm", "Số": 12, "Ngày": dt.date(2022, 12, 22)},
    ],

    "Nơi nhận": [
        {"Văn bản": "*", "Nơi nhận": "Đảng ủy xã Mỹ Hòa (báo cáo)",
         "Email": "danguy.myhoa@example.vn"},
        {"Văn bản": "BC", "Nơi nhận": "Văn phòng Đảng ủy xã (theo dõi)",
         "Email": "vanphong.danguy@example.vn"},
        {"Văn bản": "KH", "Nơi nhận": "Đảng viên trong chi bộ (thực hiện)"},
        {"Văn bản": "NQ", "Nơi nhận": "Đảng ủy xã Mỹ Hòa (báo cáo)"},
        {"Văn bản": "NQ", "Nơi nhận": "Đảng viên trong chi bộ (thực hiện)"},
        {"Văn bản": "*", "Nơi nhận": "Lưu Chi bộ"},
        {"Văn bản": "NQ", "Nơi nhận": "Lưu Chi bộ"},
        {"Văn bản": "XL", "Nơi nhận": "Đảng ủy xã Mỹ Hòa (báo cáo)",
         "Email": "danguy.myhoa@example.vn"},
        {"Văn bản": "XL", "Nơi nhận": "Lưu Chi bộ"},
    ],
}
