import type { CriteriaTable } from "./criteria.rules.ts";

/**
 * A plausible criteria table for a bloc of Party agencies (Khối các cơ quan
 * Đảng): 100 points over four groups, bonus items up to 10 points, and
 * penalty items. The template a new bloc may start from, the demo seed's table, and tests'.
 */
export const sampleCriteriaTable: CriteriaTable = {
  groups: [
    {
      id: "1",
      title: "Thực hiện nhiệm vụ chính trị được giao",
      items: [
        {
          id: "1.1",
          title: "Hoàn thành các chỉ tiêu, nhiệm vụ trọng tâm theo chương trình công tác năm của Tỉnh ủy",
          maxPoints: 15,
          evidenceRequired: true,
          guidance: "Đối chiếu với chương trình công tác năm; mỗi nhiệm vụ chưa hoàn thành trừ 1 điểm.",
        },
        {
          id: "1.2",
          title: "Tham mưu ban hành nghị quyết, chỉ thị, kết luận, đề án đúng tiến độ, có chất lượng",
          maxPoints: 10,
          evidenceRequired: true,
        },
        {
          id: "1.3",
          title: "Thực hiện nhiệm vụ đột xuất do Ban Thường vụ Tỉnh ủy giao",
          maxPoints: 8,
          evidenceRequired: true,
        },
        {
          id: "1.4",
          title: "Chất lượng, thời hạn chế độ thông tin, báo cáo định kỳ và đột xuất",
          maxPoints: 7,
          evidenceRequired: false,
        },
      ],
    },
    {
      id: "2",
      title: "Công tác xây dựng Đảng và hệ thống chính trị",
      items: [
        {
          id: "2.1",
          title: "Giáo dục chính trị tư tưởng; học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
          maxPoints: 7,
          evidenceRequired: true,
        },
        {
          id: "2.2",
          title: "Chi bộ, đảng bộ cơ quan được xếp loại hoàn thành tốt nhiệm vụ trở lên",
          maxPoints: 8,
          evidenceRequired: true,
          guidance: "Căn cứ kết quả đánh giá, xếp loại tổ chức đảng cuối năm.",
        },
        {
          id: "2.3",
          title: "Công tác kiểm tra, giám sát; không có đảng viên vi phạm phải xử lý kỷ luật",
          maxPoints: 5,
          evidenceRequired: false,
        },
        {
          id: "2.4",
          title: "Hoạt động của công đoàn, đoàn thanh niên, hội cựu chiến binh cơ quan",
          maxPoints: 5,
          evidenceRequired: false,
        },
      ],
    },
    {
      id: "3",
      title: "Cải cách hành chính, chuyển đổi số và thực hành tiết kiệm",
      items: [
        {
          id: "3.1",
          title: "Thực hiện quy chế làm việc, quy chế dân chủ ở cơ sở, văn hóa công sở",
          maxPoints: 5,
          evidenceRequired: false,
        },
        {
          id: "3.2",
          title: "Ứng dụng công nghệ thông tin, xử lý văn bản và hồ sơ công việc trên môi trường mạng",
          maxPoints: 5,
          evidenceRequired: true,
        },
        {
          id: "3.3",
          title: "Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực",
          maxPoints: 5,
          evidenceRequired: false,
        },
      ],
    },
    {
      id: "4",
      title: "Công tác thi đua, khen thưởng",
      items: [
        {
          id: "4.1",
          title: "Tổ chức phát động, đăng ký và ký kết giao ước thi đua đúng thời gian",
          maxPoints: 5,
          evidenceRequired: true,
        },
        {
          id: "4.2",
          title: "Xây dựng, nhân rộng điển hình tiên tiến, gương người tốt việc tốt",
          maxPoints: 5,
          evidenceRequired: true,
        },
        {
          id: "4.3",
          title: "Tham gia đầy đủ các hoạt động chung của khối thi đua",
          maxPoints: 5,
          evidenceRequired: false,
        },
        {
          id: "4.4",
          title: "Sơ kết, tổng kết phong trào thi đua; đề nghị khen thưởng đúng quy định",
          maxPoints: 5,
          evidenceRequired: false,
        },
      ],
    },
  ],
  bonus: [
    { id: "b1", title: "Có sáng kiến, mô hình mới được cấp có thẩm quyền công nhận", maxPoints: 4 },
    { id: "b2", title: "Được Trung ương hoặc tỉnh khen thưởng đột xuất trong năm", maxPoints: 3 },
    { id: "b3", title: "Hoàn thành xuất sắc nhiệm vụ đột xuất, khó khăn được giao", maxPoints: 3 },
  ],
  penalties: [
    { id: "p1", title: "Chậm gửi báo cáo, đăng ký thi đua theo quy định (mỗi lần trừ 0,5 điểm)", maxPoints: 2 },
    { id: "p2", title: "Tập thể hoặc cá nhân trong đơn vị bị xử lý kỷ luật trong năm", maxPoints: 5 },
    { id: "p3", title: "Không tham gia hoạt động chung của khối mà không có lý do", maxPoints: 3 },
  ],
};
