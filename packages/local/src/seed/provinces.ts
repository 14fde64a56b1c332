import type { Phase } from "@thidua/core/cycle";
import type { DemoBloc, DemoUnit } from "./demo-blocs.ts";

/**
 * The 34 provincial units after the 2025 reform (28 provinces, 6 centrally run cities), and Ninh Thuận as
 * it was before it joined Khánh Hòa: its blocs' 2023 and 2024 are the source reports' own. An Giang and
 * Quảng Trị keep their names after the reform and carry the reports' data too; the others get generated
 * but plausible blocs (`generatedBlocs`), so the national page shows what it will in production.
 */
export interface DemoProvince {
  tenantId: string;
  name: string;
  /** A centrally run city: its Party committee is the Thành ủy, its bodies are the city's. */
  city?: true;
}

const city = (tenantId: string, name: string): DemoProvince => ({ tenantId, name, city: true });
const province = (tenantId: string, name: string): DemoProvince => ({ tenantId, name });

export const demoProvinces: readonly DemoProvince[] = [
  province("an-giang", "An Giang"),
  province("quang-tri", "Quảng Trị"),
  province("ninh-thuan", "Ninh Thuận"),
  city("ha-noi", "Hà Nội"),
  city("hai-phong", "Hải Phòng"),
  city("hue", "Huế"),
  city("da-nang", "Đà Nẵng"),
  city("ho-chi-minh", "Thành phố Hồ Chí Minh"),
  city("can-tho", "Cần Thơ"),
  province("tuyen-quang", "Tuyên Quang"),
  province("cao-bang", "Cao Bằng"),
  province("lai-chau", "Lai Châu"),
  province("lao-cai", "Lào Cai"),
  province("thai-nguyen", "Thái Nguyên"),
  province("dien-bien", "Điện Biên"),
  province("lang-son", "Lạng Sơn"),
  province("son-la", "Sơn La"),
  province("phu-tho", "Phú Thọ"),
  province("bac-ninh", "Bắc Ninh"),
  province("quang-ninh", "Quảng Ninh"),
  province("hung-yen", "Hưng Yên"),
  province("ninh-binh", "Ninh Bình"),
  province("thanh-hoa", "Thanh Hóa"),
  province("nghe-an", "Nghệ An"),
  province("ha-tinh", "Hà Tĩnh"),
  province("quang-ngai", "Quảng Ngãi"),
  province("gia-lai", "Gia Lai"),
  province("dak-lak", "Đắk Lắk"),
  province("khanh-hoa", "Khánh Hòa"),
  province("lam-dong", "Lâm Đồng"),
  province("dong-nai", "Đồng Nai"),
  province("tay-ninh", "Tây Ninh"),
  province("vinh-long", "Vĩnh Long"),
  province("dong-thap", "Đồng Tháp"),
  province("ca-mau", "Cà Mau"),
];

/** The provinces whose data the source reports give (demo-blocs.ts); the others' is generated. */
export const reportedProvinces = new Set(["an-giang", "quang-tri", "ninh-thuan"]);

const THEME = "Đoàn kết - Kỷ cương - Sáng tạo - Hiệu quả";
/** The current year's phase in a generated bloc: spread over the whole year, province by province. */
const PHASES: readonly Phase[] = [
  "registration",
  "in_progress",
  "mid_year_review",
  "scoring",
  "verification",
  "ranked",
];

/** The blocs a province typically has, with its own members' names. */
function blocTemplates({ name, city }: DemoProvince): { name: string; units: DemoUnit[] }[] {
  const of = city ? "thành phố" : "tỉnh";
  const committee = city ? "Thành ủy" : "Tỉnh ủy";
  const party = (unit: string, shortName?: string): DemoUnit => ({
    name: unit,
    kind: "party_agency",
    ...(shortName ? { shortName } : {}),
  });
  const department = (unit: string): DemoUnit => ({ name: unit, kind: "state_agency" });
  return [
    {
      name: `Khối thi đua các cơ quan Đảng ${of}`,
      units: [
        party(`Văn phòng ${committee}`),
        party(`Ban Tổ chức ${committee}`, "Ban Tổ chức"),
        party(`Ban Tuyên giáo và Dân vận ${committee}`, "Ban Tuyên giáo và Dân vận"),
        party(`Ủy ban Kiểm tra ${committee}`, "Ủy ban Kiểm tra"),
        party(`Trường Chính trị ${of}`),
        party(`Báo và Phát thanh, Truyền hình ${name}`),
      ],
    },
    {
      name: "Khối thi đua các sở, ngành kinh tế",
      units: [
        "Sở Tài chính",
        "Sở Xây dựng",
        "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường",
        "Sở Khoa học và Công nghệ",
      ].map(department),
    },
    {
      name: "Khối thi đua các sở, ngành văn hóa - xã hội",
      units: ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Tư pháp"].map(
        department,
      ),
    },
  ];
}

/**
 * A generated province's blocs (the `index`-th generated one): one to three of them; every fourth
 * province's first bloc finished last year (ranked, next leader elected, a provincial flag and a
 * certificate proposed, approved by the board in every eighth); this year's phase differs by province and
 * bloc, so every phase shows somewhere. Kept this light on purpose: seeding goes through the use cases.
 */
export function generatedBlocs(province: DemoProvince, index: number, year: number): DemoBloc[] {
  return blocTemplates(province)
    .slice(0, 1 + (index % 3))
    .map(({ name, units }, b) => {
      const names = units.map((u) => u.name);
      const [first = "", second = ""] = names;
      const finishedLastYear = b === 0 && index % 4 === 0;
      const years: DemoBloc["years"] = finishedLastYear
        ? {
            [year - 1]: {
              leader: first,
              theme: THEME,
              ranked: names,
              end: {
                leader: second,
                proposals: [
                  { awardTypeId: "provincial-flag", units: [first] },
                  { awardTypeId: "certificate-of-merit", units: [second] },
                ],
                ...(index % 8 === 0 ? { approved: true } : {}),
              },
            },
            [year]: { leader: second, theme: THEME },
          }
        : { [year]: { leader: first, theme: THEME } };
      const now = PHASES[(index + 2 * b) % PHASES.length] ?? "registration";
      return { tenantId: province.tenantId, name, kind: "bloc", units, years, now };
    });
}
