import type { Role } from "@thidua/core/actor";

/**
 * Demo accounts, drawn from the provincial news reports the
 * product was conceived from (Party agencies blocs of An Giang and Ninh Thuận,
 * Quảng Trị's year-end review).
 */
export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  tenantId?: string;
  unitId?: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: "ops@thidua.local", name: "Quản trị hệ thống", role: "operator" },
  { email: "trunguong@thidua.local", name: "Ban Thi đua - Khen thưởng Trung ương", role: "national" },

  {
    email: "bantdkt@an-giang.thidua.local",
    name: "Ban Thi đua - Khen thưởng tỉnh An Giang",
    role: "board",
    tenantId: "an-giang",
  },
  {
    email: "uyvien@an-giang.thidua.local",
    name: "Ủy viên Hội đồng TĐKT tỉnh An Giang",
    role: "council",
    tenantId: "an-giang",
  },
  {
    email: "baoangiang@an-giang.thidua.local",
    name: "Báo An Giang",
    role: "unit",
    tenantId: "an-giang",
    unitId: "bao-an-giang",
  },
  {
    email: "bantuyengiao@an-giang.thidua.local",
    name: "Ban Tuyên giáo Tỉnh ủy An Giang",
    role: "unit",
    tenantId: "an-giang",
    unitId: "ban-tuyen-giao",
  },

  {
    email: "bantdkt@quang-tri.thidua.local",
    name: "Ban Thi đua - Khen thưởng tỉnh Quảng Trị",
    role: "board",
    tenantId: "quang-tri",
  },
  {
    email: "uyvien@quang-tri.thidua.local",
    name: "Ủy viên Hội đồng TĐKT tỉnh Quảng Trị",
    role: "council",
    tenantId: "quang-tri",
  },
  {
    email: "vanphong@quang-tri.thidua.local",
    name: "Văn phòng Tỉnh ủy Quảng Trị",
    role: "unit",
    tenantId: "quang-tri",
    unitId: "van-phong-tinh-uy",
  },

  {
    email: "bantdkt@ninh-thuan.thidua.local",
    name: "Ban Thi đua - Khen thưởng tỉnh Ninh Thuận",
    role: "board",
    tenantId: "ninh-thuan",
  },
  {
    email: "uyvien@ninh-thuan.thidua.local",
    name: "Ủy viên Hội đồng TĐKT tỉnh Ninh Thuận",
    role: "council",
    tenantId: "ninh-thuan",
  },
  {
    email: "vanphong@ninh-thuan.thidua.local",
    name: "Văn phòng Tỉnh ủy Ninh Thuận",
    role: "unit",
    tenantId: "ninh-thuan",
    unitId: "van-phong-tinh-uy",
  },
  {
    email: "bantuyengiao@ninh-thuan.thidua.local",
    name: "Ban Tuyên giáo Tỉnh ủy Ninh Thuận",
    role: "unit",
    tenantId: "ninh-thuan",
    unitId: "ban-tuyen-giao",
  },
];
