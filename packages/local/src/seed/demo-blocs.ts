import type { Phase } from "@thidua/core/cycle";
import type { UnitKind } from "@thidua/core/unit";

/**
 * Demo blocs with their members and the leaders each year, as the provincial
 * news reports tell them (Ninh Thuận 2023 → 2024, An Giang 2022 → 2023, an
 * associations bloc 2022 → 2023, Quảng Trị 2021).
 */
export interface DemoUnit {
  name: string;
  shortName?: string;
  kind: (typeof UnitKind.options)[number];
}

export interface DemoBloc {
  tenantId: string;
  name: string;
  kind: "bloc" | "cluster";
  units: DemoUnit[];
  /**
   * Year → leader and deputies, by unit name; a theme opens that year; `ranked` carries it to its end
   * (verified, ranked in that order, closed).
   */
  years: Record<number, DemoYear>;
  /** Where the current year stands; by default scoring in a province's first bloc, registration in the others. */
  now?: Phase;
}

export interface DemoYear {
  leader?: string;
  deputies?: string[];
  theme?: string;
  ranked?: string[];
  /** How a ranked year ended: next year's elected leader (and deputy) and the awards proposed (by unit name). */
  end?: {
    leader: string;
    deputy?: string;
    proposals: { awardTypeId: string; units: string[] }[];
    /** The board approved the year's proposals: all, or those of these award types (the others wait for its decision). */
    approved?: true | string[];
  };
}

const party = (name: string, shortName?: string): DemoUnit => ({
  name,
  kind: "party_agency",
  ...(shortName ? { shortName } : {}),
});
const association = (name: string): DemoUnit => ({ name, kind: "association" });

export const demoBlocs: DemoBloc[] = [
  {
    tenantId: "ninh-thuan",
    name: "Khối thi đua các cơ quan Đảng tỉnh",
    kind: "bloc",
    units: [
      party("Văn phòng Tỉnh ủy"),
      party("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo"),
      party("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"),
      party("Ban Dân vận Tỉnh ủy", "Ban Dân vận"),
      party("Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra"),
      party("Đảng ủy khối Cơ quan - Doanh nghiệp tỉnh"),
      party("Trường Chính trị tỉnh"),
      party("Báo Ninh Thuận"),
    ],
    years: {
      2023: {
        leader: "Văn phòng Tỉnh ủy",
        theme: "Đoàn kết - Sáng tạo - Kỷ cương - Hiệu quả",
        // Văn phòng Tỉnh ủy led the year and was proposed for the provincial flag; certificates for the next two,
        // which the board approved (the flag waits for its decision, so a demo has one to make).
        ranked: [
          "Văn phòng Tỉnh ủy",
          "Báo Ninh Thuận",
          "Ủy ban Kiểm tra Tỉnh ủy",
          "Ban Tuyên giáo Tỉnh ủy",
          "Ban Tổ chức Tỉnh ủy",
          "Ban Dân vận Tỉnh ủy",
          "Đảng ủy khối Cơ quan - Doanh nghiệp tỉnh",
          "Trường Chính trị tỉnh",
        ],
        end: {
          leader: "Ban Tuyên giáo Tỉnh ủy",
          proposals: [
            { awardTypeId: "provincial-flag", units: ["Văn phòng Tỉnh ủy"] },
            { awardTypeId: "certificate-of-merit", units: ["Báo Ninh Thuận", "Ủy ban Kiểm tra Tỉnh ủy"] },
          ],
          approved: ["certificate-of-merit"],
        },
      },
      2024: {
        leader: "Ban Tuyên giáo Tỉnh ủy",
        theme: "Đoàn kết - Sáng tạo - Kỷ cương - Phát triển - Tăng tốc - Hiệu quả",
      },
    },
  },
  {
    tenantId: "an-giang",
    name: "Khối thi đua các cơ quan Đảng tỉnh",
    kind: "bloc",
    units: [
      party("Báo An Giang"),
      party("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo"),
      party("Trường Chính trị Tôn Đức Thắng"),
      party("Văn phòng Tỉnh ủy"),
      party("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"),
      party("Ban Dân vận Tỉnh ủy", "Ban Dân vận"),
      party("Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra"),
    ],
    years: {
      2022: {
        leader: "Báo An Giang",
        theme: "Đoàn kết - Sáng tạo - Kỷ cương - Hiệu quả",
        ranked: [
          "Ban Tuyên giáo Tỉnh ủy",
          "Báo An Giang",
          "Trường Chính trị Tôn Đức Thắng",
          "Văn phòng Tỉnh ủy",
          "Ban Tổ chức Tỉnh ủy",
          "Ban Dân vận Tỉnh ủy",
          "Ủy ban Kiểm tra Tỉnh ủy",
        ],
      },
      2023: { leader: "Ban Tuyên giáo Tỉnh ủy", deputies: ["Trường Chính trị Tôn Đức Thắng"] },
    },
  },
  {
    tenantId: "an-giang",
    name: "Khối thi đua các tổ chức Hội đặc thù",
    kind: "bloc",
    units: [
      association("Hội Nhà báo tỉnh"),
      association("Hội Luật gia tỉnh"),
      association("Liên hiệp các tổ chức Hữu nghị tỉnh"),
      association("Hội Văn học - Nghệ thuật tỉnh"),
      association("Hội Chữ thập đỏ tỉnh"),
      association("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"),
    ],
    years: {
      2022: {
        leader: "Hội Nhà báo tỉnh",
        theme: "Đoàn kết - Sáng tạo - Kỷ cương - Hiệu quả",
        ranked: [
          "Hội Nhà báo tỉnh",
          "Hội Luật gia tỉnh",
          "Liên hiệp các tổ chức Hữu nghị tỉnh",
          "Hội Chữ thập đỏ tỉnh",
          "Hội Văn học - Nghệ thuật tỉnh",
          "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh",
        ],
        // Two provincial flags within the quota the board stated; Hội Luật gia leads 2023, Hữu nghị its deputy.
        end: {
          leader: "Hội Luật gia tỉnh",
          deputy: "Liên hiệp các tổ chức Hữu nghị tỉnh",
          proposals: [{ awardTypeId: "provincial-flag", units: ["Hội Nhà báo tỉnh", "Hội Luật gia tỉnh"] }],
        },
      },
      2023: { leader: "Hội Luật gia tỉnh", deputies: ["Liên hiệp các tổ chức Hữu nghị tỉnh"] },
    },
  },
  {
    tenantId: "quang-tri",
    name: "Khối thi đua các cơ quan Đảng tỉnh",
    kind: "bloc",
    units: [
      party("Ban Dân vận Tỉnh ủy", "Ban Dân vận"),
      party("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo"),
      party("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức"),
      party("Văn phòng Tỉnh ủy"),
      party("Ủy ban Kiểm tra Tỉnh ủy", "Ủy ban Kiểm tra"),
      party("Báo Quảng Trị"),
    ],
    years: {
      2021: {
        leader: "Ban Dân vận Tỉnh ủy",
        theme: "Đoàn kết - Kỷ cương - Sáng tạo - Hiệu quả",
        ranked: [
          "Văn phòng Tỉnh ủy",
          "Ban Dân vận Tỉnh ủy",
          "Ban Tổ chức Tỉnh ủy",
          "Ban Tuyên giáo Tỉnh ủy",
          "Ủy ban Kiểm tra Tỉnh ủy",
          "Báo Quảng Trị",
        ],
      },
    },
  },
];
