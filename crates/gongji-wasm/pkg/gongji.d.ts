// Hand-written types for the gongji WebAssembly module (医保家庭共济计算器).
// The contract is SPEC §7. Amounts are strings with two decimals ("12.30"); JS numbers are
// accepted on input. Bad input never throws: every entry point returns either its answer or
// `{ error: InputError }` — test with `"error" in result` (see `isError`).

/** A money amount: a string with at most two decimals ("12.30"), or a finite number on input. */
export type AmountInput = string | number;
/** A money amount in the output: always a string with two decimals. */
export type Amount = string;
/** `YYYY-MM-DD`. */
export type DateString = string;
/** A rule id from `rules()`: "R-2021", "R-2024", "R-KIN", "R-XPROV", "R-WALLET", "R-CARD", ... */
export type RuleId = string;

export type Relation =
  | 'self' | 'spouse' | 'father' | 'mother' | 'brother' | 'sister' | 'son' | 'daughter'
  | 'paternal_grandfather' | 'paternal_grandmother' | 'maternal_grandfather' | 'maternal_grandmother'
  | 'grandson' | 'granddaughter' | 'maternal_grandson' | 'maternal_granddaughter'
  | 'father_in_law' | 'mother_in_law' | 'son_in_law' | 'daughter_in_law'
  | 'spouse_sibling' | 'sibling_spouse' | 'nephew' | 'niece' | 'uncle' | 'aunt' | 'other';
/** `unknown` (不知道): the engine answers each reading (职工医保 / 居民医保), SPEC §10.3. */
export type Insurance = 'employee' | 'employee_retired' | 'resident' | 'none' | 'unknown';
export type Card = 'own' | 'other';
export type Venue = 'designated_hospital' | 'designated_pharmacy' | 'non_designated' | 'online';

// ---------------------------------------------------------------- input (SPEC §7)

export interface Member {
  id: string;
  name?: string | null;
  relation: Relation;
  /** The member the relation runs through, where it is ambiguous (a grandson with two sons). */
  via?: string | null;
  insurance: Insurance;
  /** Where the member is insured: a province ("福建") and/or its 统筹区 ("福州"); without them, `region`.
   *  Each is a Chinese name with or without its suffix, a 6-digit division code or an id; a city
   *  implies its province (SPEC §10.1). Unknown or ambiguous text: `unknown_place` / `ambiguous_place`. */
  province?: string | null;
  city?: string | null;
  /** Personal-account balance; required for 职工医保 members, absent otherwise. */
  balance?: AmountInput | null;
  /** The part of the balance that may be shared where the place limits it (上海 历年账户, 福建 家庭共济账户). */
  shareable_balance?: AmountInput | null;
}

/** One binding: `order` (same province, 顺位) and `quota` (cross-province 共济额度) are exclusive. */
export interface Sharing {
  from: string;
  to: string;
  order?: number | string | null;
  quota?: AmountInput | null;
}

export interface PooledParams {
  deductible_left: AmountInput;
  /** 0..1, at most four decimals. */
  ratio: AmountInput;
  cap_left: AmountInput;
}

/** One expense: exactly one of `amount` and `personal_burden`; `pooled` only with `amount`. */
export interface Expense {
  patient: string;
  /** An item id from `catalogue()`. */
  item: string;
  venue: Venue;
  amount?: AmountInput | null;
  personal_burden?: AmountInput | null;
  out_of_catalogue?: AmountInput | null;
  card: Card;
  pooled?: PooledParams | null;
}

export interface Scenario {
  as_of: DateString;
  /** The default place (SPEC §9.1, §10.1): "national", a place id from `regions()` ("fujian",
   *  "fuzhou", a city's id from a province's `cities`), a 6-digit division code ("350100") or a
   *  Chinese name with or without its suffix ("福州", "福州市", "恩施州"). */
  region: string;
  members: Member[];
  sharing?: Sharing[];
  expenses?: Expense[];
}

// ---------------------------------------------------------------- errors

export type ErrorCode =
  | 'invalid_json' | 'input_too_large' | 'invalid_type' | 'missing_field' | 'unknown_field' | 'invalid_value'
  | 'invalid_amount' | 'invalid_ratio' | 'invalid_date' | 'unknown_region' | 'unknown_place'
  | 'ambiguous_place' | 'unknown_item'
  | 'unknown_member' | 'duplicate_id' | 'invalid_id' | 'too_many' | 'text_too_long'
  | 'invalid_family' | 'invalid_via' | 'self_sharing' | 'order_and_quota' | 'duplicate_order'
  | 'invalid_order' | 'quota_exceeds_balance' | 'amount_or_burden' | 'invalid_balance'
  | 'venue_not_for_item' | 'too_much_work';

export interface InputError {
  code: ErrorCode;
  /** JSON path of the field, e.g. "expenses[0].amount"; "" for the whole input. */
  field: string;
  /** Plain Chinese, for the visitor. */
  message: string;
  /** English, for developers. */
  message_en: string;
}

/** What every entry point returns for bad input (it never throws for bad input). */
export interface ErrorResult { error: InputError; }

/** Type guard: `if (isError(r)) show(r.error.message)`. Not exported by the module; copy it:
 *  `const isError = (r) => r != null && typeof r === 'object' && 'error' in r;` */
export type IsError = (r: unknown) => r is ErrorResult;

// ---------------------------------------------------------------- output (SPEC §7)

export type Verdict = 'covered' | 'self_pay' | 'blocked' | 'needs_input' | 'depends';
/** Can a family member's personal account (by sharing or a quota) pay for this? (SPEC §9.3) */
export type Answer = 'yes' | 'not_bound' | 'no' | 'depends' | 'blocked' | 'needs_input';
export type MayPay = 'yes' | 'no' | 'depends';
/** How far apart a sharing line's two members are insured (SPEC §10.1). */
export type Distance = 'same_area' | 'same_province' | 'other_province';
/** Every `code` of `reasons`, `ineligible_sharers` and `payers` (tests/vocabulary.rs checks this list against the engine's). */
export type ReasonCode =
  | 'impersonation' | 'non_designated_venue' | 'cosmetic_not_covered' | 'not_medical_expense' | 'region_dependent'
  | 'region_rule' | 'not_close_relative' | 'sharer_no_personal_account' | 'beneficiary_not_insured' | 'not_bound'
  | 'cross_province_needs_quota' | 'quota_not_for_item' | 'rule_not_in_force' | 'balance_exhausted' | 'needs_input'
  | 'premium_not_applicable' | 'dental_therapeutic' | 'pooled_paid' | 'pooled_settled' | 'pooled_not_given'
  | 'pooled_carried' | 'own_card_required' | 'self_pay_rest' | 'shareable_limited' | 'outside_local_circle';
/** Every `next_steps[].code` (tests/vocabulary.rs checks this list against the engine's). */
export type NextStepCode =
  | 'bind_sharing' | 'set_quota' | 'use_own_card' | 'bring_ids' | 'keep_slip' | 'ask_local' | 'pay_premium'
  | 'check_wallet' | 'fill_via' | 'enter_amount' | 'enter_balance' | 'enter_shareable' | 'enroll' | 'use_designated'
  | 'self_pay' | 'stop_impersonation' | 'ask_close_relative' | 'wait_for_rule' | 'fix_sharing' | 'ask_spouse'
  | 'ask_insurance';
export type Payer = 'pooled_fund' | 'own_account' | 'shared_account' | 'shared_quota' | 'self_pay';
export type Severity = 'info' | 'warning' | 'error';

export interface Step {
  payer: Payer;
  member?: string;
  order?: number;
  amount: Amount;
  /** For accounts (for `shared_quota`: the quota) before and after this step. */
  balance_before?: Amount;
  balance_after?: Amount;
  rule: RuleId;
}

export interface Reason {
  code: ReasonCode;
  severity: Severity;
  message: string;
  rule: RuleId;
}

export interface IneligibleSharer {
  member: string;
  code: ReasonCode;
  message: string;
  /** What would fix it, in plain Chinese. */
  fix: string;
  rule: RuleId;
}

/** Someone who might pay, in payment order, without amounts. */
export interface PayerLine {
  payer: Payer;
  member?: string;
  order?: number;
  may_pay: MayPay;
  code?: ReasonCode;
  rule: RuleId;
  /** (sharing lines) How far apart the two are insured. */
  distance?: Distance;
}

export interface NextStep { code: NextStepCode; message: string; /** The input field to fill in, when the step asks for one. */ field?: string; }

export interface ExpenseResult {
  /** Index of the expense in the input. */
  expense: number;
  verdict: Verdict;
  /** The answer first (SPEC §9.3): given even when amounts are missing. */
  answer: Answer;
  /** One plain-Chinese sentence answering the visitor's question, naming the people. */
  headline: string;
  /** `null` when the expense has no amount yet. */
  total: Amount | null;
  steps: Step[];
  reasons: Reason[];
  ineligible_sharers: IneligibleSharer[];
  payers: PayerLine[];
  next_steps: NextStep[];
  /** Where someone's insurance is `unknown` and the readings answer differently: each reading. */
  readings?: Reading[];
}

/** One reading of insurance not known: member id → the insurance assumed, and its answer. */
export interface Reading {
  insurance: Record<string, 'employee' | 'resident'>;
  answer: Answer;
  headline: string;
}

export interface Output {
  engine: string;
  rules: string;
  as_of: DateString;
  region: string;
  results: ExpenseResult[];
  /** Spendable balance of every member with a personal account, after all expenses (member order). */
  balances: Record<string, Amount>;
  /** What is left of each cross-province quota, keyed "from->to". */
  quotas: Record<string, Amount>;
}

// ---------------------------------------------------------------- order advice (SPEC §8)

export interface PatientOrder { patient: string; sharers: string[]; }
export interface RunsDry { member: string; expense: number; }
export interface OrderOption {
  orders: PatientOrder[];
  current: boolean;
  self_pay: Amount;
  paid: Record<string, Amount>;
  balances: Record<string, Amount>;
  runs_dry: RunsDry[];
  elderly_left: Amount;
}
export interface Advice {
  engine: string;
  rules: string;
  patients: PatientOrder[];
  search: string;
  evaluated: number;
  options: OrderOption[];
  /** Indexes into `options`. */
  best: number[];
  explanation: string;
  rule: RuleId;
}

// ---------------------------------------------------------------- withdrawal (R-WITHDRAW)

export type WithdrawalSituation =
  | 'death' | 'settle_abroad' | 'leave_employee_insurance' | 'move_no_transfer' | 'long_term_elsewhere' | 'none';
export interface LocalFact { place: string; case: string; text: string; sources: Source[]; }
export interface WithdrawalInput {
  /** A place id (SPEC §9.1): its own cases come back in `local`. */
  region?: string | null;
  situation: WithdrawalSituation;
  outstanding_bills?: boolean;
  remote_filing?: boolean;
}
export interface WithdrawalAnswer {
  /** "can_apply" | "depends_on_region" | "generally_not" (and any later additions). */
  answer: string;
  headline: string;
  message: string;
  who_applies: string;
  materials: string[];
  warnings: string[];
  rule: RuleId;
  /** The place's own cases, as that place's, with sources (empty without `region`). */
  local: LocalFact[];
}

// ---------------------------------------------------------------- monthly credit (R-CREDIT)

export interface CreditInput {
  /** A place id (SPEC §9.1): its own figures come back in `local`. */
  region?: string | null;
  /** 在职 or 退休. */
  status: 'employee' | 'retired';
  contribution_base?: AmountInput | null;
  rate?: AmountInput | null;
  fixed_amount?: AmountInput | null;
  pension?: AmountInput | null;
}
export interface CreditEstimate {
  monthly: Amount;
  yearly: Amount;
  formula: string;
  basis: string;
  notes: string[];
  rule: RuleId;
  /** The place's own figures, with sources (empty without `region`). */
  local: LocalFact[];
}

// ---------------------------------------------------------------- reference data

export type ItemKind = 'medical' | 'pharmacy' | 'premium' | 'not_medical';
export type Payability = 'yes' | 'no' | 'depends' | 'n_a';
export type PooledCover = 'yes' | 'no' | 'per_region' | 'n_a';

export interface CatalogueItem {
  id: string;
  name: string;
  keywords: string[];
  kind: ItemKind;
  cosmetic: boolean;
  requires?: 'resident_enrollee' | 'employee_enrollee';
  venues: Venue[];
  pooled: PooledCover;
  own: Payability;
  shared: Payability;
  /** What a cross-province quota may pay of it: nothing, what sharing may, or yes (named by R-XPROV). */
  quota: 'no' | 'as_shared' | 'yes';
  /** `resident_premium`: before the 近亲属 widening a place's `resident_premium_from` decides. */
  gate?: 'resident_premium';
  rule: RuleId;
  note: string;
}

export interface Rule {
  id: RuleId;
  title: string;
  document: string;
  effective: DateString;
  summary: string;
}

export type Grade = 'official' | 'official_copy' | 'official_news' | 'official_news_copy';
export interface Source { title: string; publisher?: string; date: string; url?: string; grade: Grade; read_at?: string; }
/** A date known exactly (`on`) or as a window (`not_before` … `by`: in between the answer is `depends`). */
/** `note`: only from `gongji regions` (the module leaves the notes on dates out). */
export interface DateFact { on?: DateString; not_before?: DateString; by?: DateString; from_place: string; note?: string; sources: Source[]; }
export interface ItemDecision { item: string; own: 'yes' | 'no' | 'depends' | null; shared: 'yes' | 'no' | 'depends' | null; from: DateString; sources: Source[]; note: string | null; }
export interface Shareable { model: 'above_floor' | 'prior_years'; from: DateString; until: DateString | null; account: string; ordered: boolean; sources: Source[]; note: string | null; }
/** A place (SPEC §9.1): national, a province or a city, with its facts resolved along city → province → national. */
export interface Region {
  id: string;
  kind: 'national' | 'province' | 'city';
  name: string;
  names: string[];
  parent: string | null;
  province: string | null;
  checked: DateString;
  /** The place in a few sentences. Only from the native CLI (`gongji regions`); the module leaves it out (size). */
  summary?: string;
  channels: string[];
  facts: {
    sharing_from: DateFact;
    cross_city_from: DateFact;
    close_relatives_from: DateFact;
    resident_premium_from: DateFact;
    cross_province_from: DateFact;
    /** Whose value each fact is, seen from this place (SPEC §10.1): its own, its province's, the national default. */
    origins: Record<'sharing_from' | 'cross_city_from' | 'close_relatives_from' | 'resident_premium_from' | 'cross_province_from', 'own' | 'province' | 'national'>;
  };
  shareable: Shareable[];
  items: ItemDecision[];
  /** Notes for readers. Empty in the module (size); `gongji regions` has them. */
  notes: { text: string; sources: Source[] }[];
  credit: unknown[];
  withdrawal: unknown[];
  /** A province's cities (SPEC §10.1: every prefecture-level place, the municipality itself, the
   *  county-level places under the province; 兵团's cities under `bingtuan`), by code. */
  cities?: RegionCity[];
}

/** A city as `regions()` lists it under its province. */
export interface RegionCity {
  /** The 6-digit division code (GB/T 2260): "350100". */
  code: string;
  /** Its id: pinyin where unique ("enshi"), a legacy id ("fuzhou" = 福州), else the code ("361000"). */
  id: string;
  /** The full name: "恩施土家族苗族自治州". */
  name: string;
  /** Everyday names: ["恩施", "恩施州"]. */
  names: string[];
  /** Whether it has its own profile (an entry of `regions()` with this id); else its province's rules apply. */
  profile: boolean;
  /** A municipality's districts and counties that name it (one 统筹区): ["东城区", "东城", …]; only on 北京、天津、上海、重庆. */
  districts?: string[];
}

export interface Version { engine: string; rules: string; }

/** One relation to 我, for forms (so a page need not keep its own list). */
export interface RelationInfo {
  id: Relation;
  /** Chinese name: 我本人, 父亲, 孙子 ... */
  name: string;
  /** Relations the member named by `via` may have (a grandson runs through a son); [] where `via` means nothing. */
  via: Relation[];
  /** At most one per family (a person has one father, one spouse). */
  unique: boolean;
  /** A generation above 我 (likely retired; the "elderly" of order advice). */
  elder: boolean;
}

/** The input limits (`limits()`): a page checks its inputs against these, never a copy. */
export interface Limits {
  members: number;
  sharing_lines: number;
  expenses: number;
  id_chars: number;
  name_chars: number;
  province_chars: number;
  max_order: number;
  input_bytes: number;
  unknown_insurance: number;
  /** The largest amount, in yuan ("10000000.00"). */
  max_amount: Amount;
}

// ---------------------------------------------------------------- exports

/** Evaluates a scenario: who pays how much, in what order, and why. */
export function evaluate(scenario: Scenario): Output | ErrorResult;
/** Compares the possible 顺位 orders over the scenario's expenses. */
export function advise(scenario: Scenario): Advice | ErrorResult;
/** The withdrawal questionnaire (R-WITHDRAW). */
export function withdrawal(input: WithdrawalInput): WithdrawalAnswer | ErrorResult;
/** The monthly credit estimate (R-CREDIT). */
export function credit(input: CreditInput): CreditEstimate | ErrorResult;
/** The expense catalogue (SPEC §4). */
export function catalogue(): CatalogueItem[];
/** The rules with their sources and effective dates (SPEC §3). */
export function rules(): Rule[];
/** The place profiles (national, provinces, profiled cities), each province with its cities. */
export function regions(): Region[];
/** Every relation to 我, with what `via` may name. */
export function relations(): RelationInfo[];
export function limits(): Limits;
/** The engine version and the rules data version. */
export function version(): Version;

// ---------------------------------------------------------------- loading
// Typed without the DOM library and without Node's types (`lib: ["es2022"]` is enough).

/** Anything with an `href`: a `URL` (browser or Node), e.g. `new URL('./gongji_bg.wasm', import.meta.url)`. */
export interface UrlLike { readonly href: string; }
/** A fetch `Response` carrying the .wasm (the glue falls back from streaming compilation on a wrong MIME type). */
export interface ResponseLike { readonly ok: boolean; readonly status: number; arrayBuffer(): Promise<ArrayBuffer>; }
/** The .wasm's bytes: an `ArrayBuffer`, a `Uint8Array` (a Node `Buffer`), any typed array or `DataView`. */
export type WasmBytes = ArrayBuffer | ArrayBufferView;
/**
 * A compiled `WebAssembly.Module`, or a `Request`: typed as `object` so that neither the DOM library
 * nor Node's types are needed.
 */
export type CompiledModuleOrRequest = object;
/**
 * What `init()` loads the module from: an address (a string or a URL: fetched; in Node also a file
 * path or a `file:` URL, read from disk), a Response, the bytes, or a compiled module.
 */
export type InitInput = string | UrlLike | ResponseLike | WasmBytes | CompiledModuleOrRequest;
export interface InitOutput { readonly memory: { readonly buffer: ArrayBuffer }; }
export type SyncInitInput = WasmBytes | CompiledModuleOrRequest;

/** Instantiates the module synchronously from its bytes or a compiled module (Node, workers, tests). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * Loads and instantiates the module; call once, and await it, before any other export (one called
 * earlier throws an Error that says so).
 * - In a browser, without an argument it fetches 'pkg/gongji_bg.wasm' relative to the page; elsewhere
 *   pass the .wasm's address: `init({ module_or_path: './node_modules/gongji/gongji_bg.wasm' })`, or
 *   what your bundler gives for `gongji/gongji_bg.wasm`.
 * - In Node (the package's "node" entry), without an argument it reads the package's own
 *   gongji_bg.wasm; it also takes a file path, a `file:` URL or the bytes.
 * Works when a server sends the .wasm with the wrong MIME type.
 */
export default function __wbg_init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>
): Promise<InitOutput>;

/**
 * The page's fallback where WebAssembly is missing or refused: `make(imports)` returns the exports of
 * the same module compiled to JavaScript (binaryen's wasm2js: pkg/gongji_fallback.js of the built
 * site, which is not part of this package). Not needed otherwise.
 */
export function initFallback(make: (imports: object) => object): InitOutput;
