// A short bulletin as OCR damages them, written for the server's start-up warm-up (startupWarm in
// server.ts): checking it once, before any bulletin is open, lets V8 compile the checks' hot
// paths before the first bulletin is checked (one opened a second after start: diagnostics in a
// median 608 ms against 709). Made up for
// this purpose (no real document); its findings are dropped. It touches what a bulletin touches:
// headings in capitals, section labels, citations, numbers and percentages, footnotes, words in
// and out of the lexicon, damaged marks, words run together.
export const WARMUP_TEXT = `ĐẢNG BỘ TỈNH
THÔNG BẢO NHANH
KẾT QUÁ HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LẦN THỬ 12 (KHÓA XV)

Ngày 15/6/2024, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 12 để đánh giá tinh hình thực hiện nhiệm vụ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024. Đồng chí Bí thư Tỉnh ủy chủ trì hội nghi.

I. TÌNH HÌNH 6 THÁNG ĐẦU NĂM 2024
1. Về kinh tế: Tổng sản phẩm trên địa bàn (GRDP) tăng 7,2% so vởi cùng kỳ; thu ngân sách nhà nước đạt 3.215 tỷ đông, bằng 58,3% dự toán. Giải ngân vốn đầu tư công đạt 45% kế hoạch. Sản xuất nông nghiệp ổn đinh, năng suất lúa ước đạt 62 tạ/ha.
2. Về văn hóa - xã hội: Công tác giảm nghèo, chăm lo đời sống nhân dân được quan tâm; tỷ lệ hộ nghèo giảm còn 2,1%. Chất lượng giáo dục, y tế tiếp tục được nâng lên.
3. Công tác xây dựng Đảng: Các cấp ủy triển khai thực hiện nghiêm Nghị quyết số 26-NQ/TU ngày 12/3/2022 của Ban Thường vụ Tỉnh ủy và Kết luận số 21-KL/TW của Ban Chấp hành Trung ương¹; kết nạp 1.215 đảng viên mới, đạt 60% chỉ tiêu. Công tác kiểm tra, giám sát, thi hành kỷ luật đảng được tăng cường. Tuy nhiên, một số hạn chế chậm được khắc phục, nhất là vềhạnchế trong công tác qụản lý đất đai, tài nguyên.

II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM
Tập trung lãnh đạo, chỉ đạo hoàn thành các chỉ tiêu, nhiệm vụ theo Nghị quyết Đại hội; đẩy mạnh cải cách hành chính, nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI); thực hiện tốt công tác cán bộ, chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố khẩn trương triển khai, bảo đảm tiến độ, hiệu quả; giữ vững quốc phòng, an ninh, trật tự an toàn xã hội.

Hội nghị thống nhất cao vởi các báo cáo trình Hội nghị và giao Ban Thường vụ Tỉnh ủy chỉ đạo tổ chức thực hiện./.

¹ Kết luận số 21-KL/TW ngày 25/10/2021 về đẩy mạnh xây dựng, chỉnh đốn Đảng.
`;
