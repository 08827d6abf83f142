// The demo organisation seeded into an empty database: who is in it is fixed, so the README,
// the tests and a person trying Frontline all meet the same people.

export const demoPassword = "frontline-demo";
export const demoDomain = "demo.frontline.test";

export type DemoPerson = {
  email: string;
  name: string;
  role: "employee" | "manager" | "trainer" | "admin";
  team: string | null;
  /** Set for a team's manager. */
  manages?: string;
  hiredAt: string;
  /** The language they use Frontline in; English when not given. */
  locale?: "sl" | "sk" | "da" | "lt";
};

export const demoTeams = [
  { name: "Front desk", slug: "front-desk" },
  { name: "Call centre", slug: "call-centre" },
  { name: "Online chat", slug: "online-chat" },
] as const;

const at = (local: string) => `${local}@${demoDomain}`;

export const demoPeople: DemoPerson[] = [
  { email: at("admin"), name: "Alex Morgan", role: "admin", team: null, hiredAt: "2019-03-04" },
  { email: at("trainer"), name: "Tara Quinn", role: "trainer", team: null, hiredAt: "2020-09-14" },
  // Front desk
  {
    email: at("manager"),
    name: "Maya Patel",
    role: "manager",
    team: "Front desk",
    manages: "Front desk",
    hiredAt: "2018-05-21",
  },
  {
    email: at("employee"),
    name: "Eli Brooks",
    role: "employee",
    team: "Front desk",
    hiredAt: "2026-10-26",
  },
  {
    email: at("nora.lindqvist"),
    name: "Nora Lindqvist",
    role: "employee",
    team: "Front desk",
    hiredAt: "2023-02-13",
    locale: "da",
  },
  {
    email: at("tomas.horvat"),
    name: "Tomas Horvat",
    role: "employee",
    team: "Front desk",
    hiredAt: "2024-06-03",
    locale: "sl",
  },
  {
    email: at("amara.okoye"),
    name: "Amara Okoye",
    role: "employee",
    team: "Front desk",
    hiredAt: "2022-11-07",
  },
  {
    email: at("jonas.berg"),
    name: "Jonas Berg",
    role: "employee",
    team: "Front desk",
    hiredAt: "2025-01-20",
  },
  {
    email: at("lucia.ferrante"),
    name: "Lucia Ferrante",
    role: "employee",
    team: "Front desk",
    hiredAt: "2021-08-30",
  },
  {
    email: at("ravi.menon"),
    name: "Ravi Menon",
    role: "employee",
    team: "Front desk",
    hiredAt: "2026-11-02",
  },
  // Call centre
  {
    email: at("sam.okafor"),
    name: "Sam Okafor",
    role: "manager",
    team: "Call centre",
    manages: "Call centre",
    hiredAt: "2017-10-02",
  },
  {
    email: at("ines.duarte"),
    name: "Inês Duarte",
    role: "employee",
    team: "Call centre",
    hiredAt: "2023-04-17",
    locale: "sk",
  },
  {
    email: at("piotr.nowak"),
    name: "Piotr Nowak",
    role: "employee",
    team: "Call centre",
    hiredAt: "2022-01-10",
  },
  {
    email: at("hana.kobayashi"),
    name: "Hana Kobayashi",
    role: "employee",
    team: "Call centre",
    hiredAt: "2024-09-09",
  },
  {
    email: at("marek.kral"),
    name: "Marek Král",
    role: "employee",
    team: "Call centre",
    hiredAt: "2025-03-03",
  },
  {
    email: at("sofia.rossi"),
    name: "Sofia Rossi",
    role: "employee",
    team: "Call centre",
    hiredAt: "2021-06-28",
  },
  {
    email: at("daniel.ek"),
    name: "Daniel Ek",
    role: "employee",
    team: "Call centre",
    hiredAt: "2026-10-12",
    locale: "da",
  },
  {
    email: at("grace.mensah"),
    name: "Grace Mensah",
    role: "employee",
    team: "Call centre",
    hiredAt: "2020-02-24",
  },
  // Online chat
  {
    email: at("lena.fischer"),
    name: "Lena Fischer",
    role: "manager",
    team: "Online chat",
    manages: "Online chat",
    hiredAt: "2019-07-15",
    locale: "da",
  },
  {
    email: at("omar.haddad"),
    name: "Omar Haddad",
    role: "employee",
    team: "Online chat",
    hiredAt: "2023-10-02",
    locale: "lt",
  },
  {
    email: at("julia.kowalska"),
    name: "Julia Kowalska",
    role: "employee",
    team: "Online chat",
    hiredAt: "2024-02-19",
  },
  {
    email: at("mateo.garcia"),
    name: "Mateo García",
    role: "employee",
    team: "Online chat",
    hiredAt: "2025-05-12",
  },
  {
    email: at("aino.virtanen"),
    name: "Aino Virtanen",
    role: "employee",
    team: "Online chat",
    hiredAt: "2022-07-04",
  },
  {
    email: at("kwame.asante"),
    name: "Kwame Asante",
    role: "employee",
    team: "Online chat",
    hiredAt: "2026-09-28",
  },
];
