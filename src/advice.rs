//! Order advice (SPEC §8): compare 顺位 orders for a family and its expected expenses.
//!
//! For every patient with two or more same-province sharers, the possible orders of those
//! sharers are tried (all combinations when there are at most [`EXHAUSTIVE_LIMIT`]; otherwise a
//! local search that improves one patient's order at a time, from the order as given). Each
//! combination is evaluated over the whole year (the engine's money steps replayed, see
//! [`Replay`]), and reported with what each account pays, when it runs dry, and the total
//! self-pay. The work is bounded ([`WORK_LIMIT`]): beyond it, a local search, or the refusal
//! `too_much_work` before anything is tried. The best are those with the
//! least self-pay and, among them, those that leave the elderly members' own accounts the most.
//! The advice explains; the family decides. Cross-province quota lines keep their place (a quota
//! belongs to one relative and is not ordered).

use crate::data::PooledCover;
use crate::engine::{self, line_check, resolve, Check, PooledRoom, Source};
use crate::error::{ErrorCode, InputError};
use crate::input::ScenarioInput;
use crate::kinship::{Family, Person, Relation};
use crate::money::Money;
use crate::output::{OrderedMap, Verdict};
use crate::scenario::{Channel, Charge, Insurance, PooledParams, Scenario};
use serde::Serialize;

/// Up to this many combinations are all evaluated.
pub const EXHAUSTIVE_LIMIT: usize = 720;
/// Options listed in the answer (the best ones, then the order as given).
pub const OPTIONS_SHOWN: usize = 12;

#[derive(Debug, Serialize)]
pub struct Advice {
    pub engine: &'static str,
    pub rules: &'static str,
    /// Patients whose order can be chosen, with their sharers in the order as given.
    pub patients: Vec<PatientOrder>,
    /// `exhaustive` or `local_search`.
    pub search: &'static str,
    pub evaluated: usize,
    /// Best first; the order as given is always included (`current: true`).
    pub options: Vec<OrderOption>,
    /// Indices in `options` of the recommended orders (least self-pay, then elderly money kept).
    pub best: Vec<usize>,
    pub explanation: String,
    pub rule: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct PatientOrder {
    pub patient: String,
    /// Sharer ids, 第1顺位 first.
    pub sharers: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct OrderOption {
    pub orders: Vec<PatientOrder>,
    pub current: bool,
    pub self_pay: Money,
    /// What each account paid over the year (own use and sharing), by member.
    pub paid: OrderedMap,
    /// Balance of each account after the year.
    pub balances: OrderedMap,
    /// For each account that ran dry: the index of the expense at which it reached zero.
    pub runs_dry: Vec<RunsDry>,
    /// Balances left to the elderly members (retired, parents, grandparents).
    pub elderly_left: Money,
}

#[derive(Debug, Serialize)]
pub struct RunsDry {
    pub member: String,
    pub expense: usize,
}

/// A patient whose sharer lines can be reordered: line indices in the order as given.
struct Choice {
    patient: usize,
    lines: Vec<usize>,
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    fn go(prefix: &mut Vec<usize>, rest: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if rest.is_empty() {
            out.push(prefix.clone());
            return;
        }
        for i in 0..rest.len() {
            let x = rest.remove(i);
            prefix.push(x);
            go(prefix, rest, out);
            prefix.pop();
            rest.insert(i, x);
        }
    }
    let mut out = vec![];
    go(&mut vec![], &mut (0..n).collect(), &mut out);
    out
}

fn is_elderly(s: &Scenario, m: usize) -> bool {
    let member = &s.members[m];
    member.insurance == Insurance::EmployeeRetired
        || matches!(
            member.relation,
            Relation::Father
                | Relation::Mother
                | Relation::FatherInLaw
                | Relation::MotherInLaw
                | Relation::PaternalGrandfather
                | Relation::PaternalGrandmother
                | Relation::MaternalGrandfather
                | Relation::MaternalGrandmother
        )
}

// ------------------------------------------------------------------------ the money replay
//
// Ranking an order needs only money: the self-pay of the year and what each account is left
// with. The engine's full answer (steps, reasons, messages) for every order of every patient
// was what exhausted memory (issue 11: 720 orders × 500 expenses, 4.8 GB). So the engine runs
// once, on the order as given, and everything that does not depend on the order is taken from
// the scenario once per expense (is it refused whatever the order, may the own account and the
// sharers pay this item, which sharing lines are eligible); each order then only replays the
// money, in the engine's steps: pooled fund, own account, sharers by 顺位, self-pay. The test
// `replay_matches_the_engine` checks the replay against the engine's full answer for every
// order of every golden case and of random families.

/// How a sharing line pays for one expense (fixed whatever the order).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pay {
    Balance,
    Quota,
    Ineligible,
    /// Kinship needs a `via`: the expense needs input if money is still owed when this line's turn comes.
    NeedsVia,
}

/// The pooled-fund part of an expense charged as a whole bill.
#[derive(Clone, Copy)]
struct PooledRule {
    /// Room carries over between this patient's expenses (`pooled: yes`; pharmacy purchases do not).
    carried: bool,
    given: Option<PooledParams>,
    amount: Money,
    out_of_catalogue: Money,
}

enum Plan {
    /// Blocked or self-paid whatever the order: the whole total is self-pay, no account moves.
    Fixed(Money),
    Flow {
        patient: usize,
        total: Money,
        pooled: Option<PooledRule>,
        /// The patient's own account pays (payable item and an account).
        own: bool,
        /// Sharers may pay this item at all.
        shared: bool,
        /// Per line to the patient, in input order (`Replay::position`).
        pays: Vec<Pay>,
    },
}

/// What one order leaves after the year (or after the expenses replayed).
struct Summary {
    self_pay: Money,
    /// Paid from each member's account (own use and sharing), by member index.
    paid: Vec<Money>,
    balances: Vec<Money>,
    /// (member, expense) where an account reached zero, first time only, in the order it happened.
    dry: Vec<(usize, usize)>,
}

struct Replay {
    plans: Vec<Plan>,
    /// Position of each line in `lines_of[its patient]`, and its sharer.
    position: Vec<usize>,
    sharers: Vec<usize>,
    /// Opening balances (quotas set aside) and quotas.
    balances: Vec<Money>,
    quotas: Vec<Money>,
}

/// A change to an account or quota, kept until the expense is known not to need input.
#[derive(Clone, Copy)]
enum Target {
    Member(usize),
    Quota(usize),
}

impl Replay {
    fn new(s: &Scenario) -> Replay {
        let family = Family::new(s.members.iter().map(|m| Person { relation: m.relation, via: m.via }).collect());
        let mut lines_of = vec![vec![]; s.members.len()];
        let mut position = vec![0; s.sharing.len()];
        let mut balances: Vec<Money> = s.members.iter().map(|m| m.balance).collect();
        let mut quotas = vec![Money::ZERO; s.sharing.len()];
        for (i, line) in s.sharing.iter().enumerate() {
            position[i] = lines_of[line.to].len();
            lines_of[line.to].push(i);
            if let Channel::Quota(q) = line.channel {
                balances[line.from] = balances[line.from].minus(q);
                quotas[i] = q;
            }
        }
        // What the engine refuses whatever the order (blocks, not medical, uninsured, ...) is
        // read from its answer for the order as given: those verdicts never depend on money.
        let base = engine::evaluate(s);
        let mut scratch = vec![];
        // Eligibility of a line depends on the line and the item only; one check per pair.
        let mut checked: Vec<(usize, &'static str, Pay)> = vec![];
        let plans = s
            .expenses
            .iter()
            .zip(&base.results)
            .map(|(e, r)| {
                let total = e.charge.total();
                if matches!(r.verdict, Verdict::Blocked | Verdict::SelfPay) {
                    return Plan::Fixed(total);
                }
                let p = e.patient;
                let item = e.item;
                scratch.clear();
                let own = resolve(s, item, item.own, true, &mut scratch) && s.members[p].insurance.has_account();
                let shared = resolve(s, item, item.shared, false, &mut scratch);
                let pooled = match e.charge {
                    Charge::Amount { amount, out_of_catalogue } if matches!(item.pooled, PooledCover::Yes | PooledCover::PerRegion) => {
                        Some(PooledRule { carried: item.pooled == PooledCover::Yes, given: e.pooled, amount, out_of_catalogue })
                    }
                    _ => None,
                };
                let pays = lines_of[p]
                    .iter()
                    .map(|&li| {
                        if let Some(&(_, _, pay)) = checked.iter().find(|(l, id, _)| *l == li && *id == item.id) {
                            return pay;
                        }
                        let pay = match line_check(s, &family, &s.sharing[li], item) {
                            Check::Eligible(Source::Balance, _) => Pay::Balance,
                            Check::Eligible(Source::Quota, _) => Pay::Quota,
                            Check::Ineligible(_) => Pay::Ineligible,
                            Check::NeedsVia(_) => Pay::NeedsVia,
                        };
                        checked.push((li, item.id, pay));
                        pay
                    })
                    .collect();
                Plan::Flow { patient: p, total, pooled, own, shared, pays }
            })
            .collect();
        let sharers = s.sharing.iter().map(|l| l.from).collect();
        Replay { plans, position, sharers, balances, quotas }
    }

    /// Replays the expenses `which` (ascending) with the lines to each patient paying in the
    /// order `seq[patient]`, as the engine would.
    fn run(&self, seq: &[Vec<usize>], which: &[usize]) -> Summary {
        let n = self.balances.len();
        let mut bal = self.balances.clone();
        let mut quota = self.quotas.clone();
        let mut room: Vec<Option<PooledRoom>> = vec![None; n];
        let mut paid = vec![Money::ZERO; n];
        let mut dried = vec![false; n];
        let mut dry = vec![];
        let mut self_pay = Money::ZERO;
        let mut moves: Vec<(Target, Money, Money)> = vec![];
        'expenses: for &e in which {
            let Some(Plan::Flow { patient: p, total, pooled, own, shared, pays }) = self.plans.get(e) else {
                if let Some(Plan::Fixed(t)) = self.plans.get(e) {
                    self_pay = self_pay.plus(*t);
                }
                continue;
            };
            let p = *p;
            let mut remaining = *total;
            let mut new_room = None;
            if let Some(rule) = pooled {
                let carried = if rule.carried { room[p] } else { None };
                let r = match (rule.given, carried) {
                    (Some(g), None) => Some(PooledRoom { deductible_left: g.deductible_left, cap_left: g.cap_left, ratio: g.ratio }),
                    (Some(g), Some(c)) => Some(PooledRoom { ratio: g.ratio, ..c }),
                    (None, Some(c)) => Some(c),
                    // Needs input: no steps, nothing moves.
                    (None, None) if rule.carried => continue 'expenses,
                    (None, None) => None,
                };
                if let Some(r) = r {
                    let covered = rule.amount.minus(rule.out_of_catalogue);
                    let over = if covered > r.deductible_left { covered.minus(r.deductible_left) } else { Money::ZERO };
                    let pooled = Money::round((over.decimal() * r.ratio).min(r.cap_left.decimal()));
                    if rule.carried {
                        new_room = Some(PooledRoom {
                            deductible_left: r.deductible_left.minus(covered.min(r.deductible_left)),
                            cap_left: r.cap_left.minus(pooled),
                            ratio: r.ratio,
                        });
                    }
                    remaining = remaining.minus(pooled);
                }
            }
            moves.clear();
            if *own && !bal[p].is_zero() {
                let pay = remaining.min(bal[p]);
                moves.push((Target::Member(p), bal[p], pay));
                remaining = remaining.minus(pay);
            }
            if *shared {
                // Each line joins a different sharer to this patient (pairs are unique, nobody
                // shares with themself), so every account is read before it is changed.
                for &li in &seq[p] {
                    let (target, before) = match pays[self.position[li]] {
                        Pay::Ineligible => continue,
                        _ if remaining.is_zero() => continue,
                        Pay::NeedsVia => continue 'expenses,
                        Pay::Balance => {
                            let from = self.sharer(li);
                            (Target::Member(from), bal[from])
                        }
                        Pay::Quota => (Target::Quota(li), quota[li]),
                    };
                    // An empty account or quota pays nothing and changes nothing.
                    if before.is_zero() {
                        continue;
                    }
                    let pay = remaining.min(before);
                    moves.push((target, before, pay));
                    remaining = remaining.minus(pay);
                }
            }
            if let Some(r) = new_room {
                room[p] = Some(r);
            }
            for &(target, before, pay) in &moves {
                let after = before.minus(pay);
                match target {
                    Target::Quota(li) => quota[li] = after,
                    Target::Member(m) => {
                        bal[m] = after;
                        paid[m] = paid[m].plus(pay);
                        if after.is_zero() && !before.is_zero() && !dried[m] {
                            dried[m] = true;
                            dry.push((m, e));
                        }
                    }
                }
            }
            self_pay = self_pay.plus(remaining);
        }
        Summary { self_pay, paid, balances: bal, dry }
    }

    fn sharer(&self, li: usize) -> usize {
        self.sharers[li]
    }
}

/// Most work one answer may take: orders compared × expenses replayed for each. The costliest
/// expense to replay (29 sharers) makes this about 0.4 s of CPU natively and 2 s in wasm; the
/// answer's memory does not grow with it. Beyond it the answer is a local search, or a refusal
/// (`too_much_work`) naming what to reduce, given at once.
pub const WORK_LIMIT: usize = 2_000_000;

/// An order and its rank: all the search keeps of it.
struct Scored {
    perm: Vec<usize>, // index into each choice's permutation list, per choice
    self_pay: Money,
    elderly_left: Money,
}

fn rank(a: &Scored) -> (Money, std::cmp::Reverse<Money>, &[usize]) {
    (a.self_pay, std::cmp::Reverse(a.elderly_left), &a.perm)
}

fn better(a: &Scored, b: &Scored) -> bool {
    rank(a) < rank(b)
}

/// The orders tried so far: the best few (distinct, the order as given apart) and a count.
struct Search<'a> {
    replay: &'a Replay,
    choices: &'a [Choice],
    perms: &'a [Vec<Vec<usize>>],
    /// Lines to each patient in paying order for the pick being scored.
    seq: Vec<Vec<usize>>,
    /// Expenses whose money can depend on the order; the others are replayed once.
    relevant: Vec<usize>,
    /// Members whose accounts those expenses touch.
    affected: Vec<bool>,
    elderly: Vec<bool>,
    /// Self-pay and elderly balances of the expenses that do not depend on the order.
    fixed_pay: Money,
    fixed_elderly: Money,
    evaluated: usize,
    current_pick: Vec<usize>,
    current: Option<Scored>,
    top: Vec<Scored>,
}

impl Search<'_> {
    fn set(&mut self, pick: &[usize]) {
        for (c, choice) in self.choices.iter().enumerate() {
            let seq = &mut self.seq[choice.patient];
            // The choice's lines come first (顺位 1, 2, ...), the patient's quota lines after them.
            for (rank, &k) in self.perms[c][pick[c]].iter().enumerate() {
                seq[rank] = choice.lines[k];
            }
        }
    }

    fn score(&mut self, pick: &[usize]) -> (Money, Money) {
        self.set(pick);
        let sum = self.replay.run(&self.seq, &self.relevant);
        self.evaluated += 1;
        let elderly = (0..sum.balances.len())
            .filter(|&m| self.affected[m] && self.elderly[m])
            .fold(self.fixed_elderly, |acc, m| acc.plus(sum.balances[m]));
        let scored = Scored { perm: pick.to_vec(), self_pay: self.fixed_pay.plus(sum.self_pay), elderly_left: elderly };
        let result = (scored.self_pay, scored.elderly_left);
        if scored.perm == self.current_pick {
            self.current.get_or_insert(scored);
        } else if !self.top.iter().any(|t| t.perm == scored.perm) {
            let at = self.top.partition_point(|t| better(t, &scored));
            if at < OPTIONS_SHOWN {
                self.top.insert(at, scored);
                self.top.truncate(OPTIONS_SHOWN);
            }
        }
        result
    }

    /// The whole year for one pick, for the answer.
    fn full(&mut self, pick: &[usize]) -> Summary {
        self.set(pick);
        let all: Vec<usize> = (0..self.replay.plans.len()).collect();
        self.replay.run(&self.seq, &all)
    }
}

fn too_much_work(choices: usize, orders: usize, expenses: usize) -> InputError {
    let (zh, en) = if orders > 1_000_000 { ("上百万".to_string(), "over a million".to_string()) } else { (orders.to_string(), orders.to_string()) };
    InputError::new(
        ErrorCode::TooMuchWork,
        "expenses",
        format!(
            "要比较的顺位安排太多，算不过来：{choices}位家人的共济人顺位一共有{zh}种排法，每种都要把全年{expenses}笔费用重算一遍。请减少费用的条数（例如只填几个月的），或减少有多位共济人的家人。"
        ),
        format!(
            "too much work: {en} orders for {choices} patient(s), each replaying {expenses} expenses, is over the limit of {WORK_LIMIT}; give fewer expenses or fewer patients with several sharers"
        ),
    )
}

pub fn advise(input: &ScenarioInput) -> Result<Advice, InputError> {
    let s = Scenario::from_input(input)?;
    // The engine's paying order of every patient's lines: ordered ones by 顺位, unordered ones,
    // then quotas, each in input order. The lines before the quotas are the ones to reorder.
    let mut choices: Vec<Choice> = vec![];
    let mut seq: Vec<Vec<usize>> = vec![];
    for p in 0..s.members.len() {
        let quota = |i: usize| matches!(s.sharing[i].channel, Channel::Quota(_));
        let mut lines: Vec<usize> = (0..s.sharing.len()).filter(|&i| s.sharing[i].to == p && !quota(i)).collect();
        lines.sort_unstable_by_key(|&i| match s.sharing[i].channel {
            Channel::Ordered(n) => (0, n, i),
            _ => (1, 0, i),
        });
        seq.push(lines.iter().copied().chain((0..s.sharing.len()).filter(|&i| s.sharing[i].to == p && quota(i))).collect());
        if lines.len() >= 2 {
            choices.push(Choice { patient: p, lines });
        }
    }
    // Permutations per choice; very long lists are limited to the first 6 lines (720 orders each).
    let perms: Vec<Vec<Vec<usize>>> = choices
        .iter()
        .map(|c| {
            permutations(c.lines.len().min(6))
                .into_iter()
                .map(|mut p| {
                    p.extend(6..c.lines.len());
                    p
                })
                .collect()
        })
        .collect();
    let total: usize = perms.iter().map(Vec::len).try_fold(1usize, |acc, n| acc.checked_mul(n)).unwrap_or(usize::MAX);

    // Which expenses can come out differently: those of a patient whose order is chosen, and,
    // until nothing changes, those touching an account that such an expense touches. Known from
    // the scenario alone, so an answer that would be too much work is refused at once.
    let n = s.members.len();
    let mut affected = vec![false; n];
    let mut chosen = vec![false; n];
    for c in &choices {
        chosen[c.patient] = true;
        for &l in &c.lines {
            affected[s.sharing[l].from] = true;
        }
    }
    let mut relevant = vec![false; s.expenses.len()];
    loop {
        let mut changed = false;
        for (e, expense) in s.expenses.iter().enumerate() {
            let p = expense.patient;
            let touches = || std::iter::once(p).chain(seq[p].iter().map(|&l| s.sharing[l].from));
            if !relevant[e] && (chosen[p] || touches().any(|m| affected[m])) {
                relevant[e] = true;
                touches().for_each(|m| affected[m] = true);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let (relevant, fixed): (Vec<usize>, Vec<usize>) = (0..s.expenses.len()).partition(|&e| relevant[e]);

    // The work: orders × expenses replayed. Over the limit, a local search; if even one round of
    // it is over, a refusal, before any order is tried.
    let per_order = relevant.len().max(1);
    let round: usize = perms.iter().map(Vec::len).sum();
    let exhaustive = total <= EXHAUSTIVE_LIMIT && total.saturating_mul(per_order) <= WORK_LIMIT;
    if !exhaustive && round.saturating_add(1).saturating_mul(per_order) > WORK_LIMIT {
        return Err(too_much_work(choices.len(), total, relevant.len()));
    }
    let replay = Replay::new(&s);
    let elderly: Vec<bool> = (0..n).map(|m| is_elderly(&s, m) && s.members[m].insurance.has_account()).collect();
    let fixed_sum = replay.run(&seq, &fixed);
    let fixed_elderly = (0..n).filter(|&m| !affected[m] && elderly[m]).fold(Money::ZERO, |acc, m| acc.plus(fixed_sum.balances[m]));
    let current_pick = vec![0; choices.len()];
    let mut search = Search {
        replay: &replay,
        choices: &choices,
        perms: &perms,
        seq,
        relevant,
        affected,
        elderly,
        fixed_pay: fixed_sum.self_pay,
        fixed_elderly,
        evaluated: 0,
        current_pick: current_pick.clone(),
        current: None,
        top: vec![],
    };
    let search_kind;
    if exhaustive {
        search_kind = "exhaustive";
        let mut pick = vec![0usize; choices.len()];
        loop {
            search.score(&pick);
            // Odometer over the per-choice permutation indices.
            let mut c = 0;
            loop {
                if c == pick.len() {
                    break;
                }
                pick[c] += 1;
                if pick[c] < perms[c].len() {
                    break;
                }
                pick[c] = 0;
                c += 1;
            }
            if c == pick.len() {
                break;
            }
        }
    } else {
        search_kind = "local_search";
        let mut best_pick = current_pick.clone();
        let mut best = search.score(&best_pick);
        let mut used = per_order;
        // Up to 4 rounds that improve one patient's order at a time; a round is started only
        // when it fits in the work limit, so the answer is the same on every machine.
        for _round in 0..4 {
            if used + round * per_order > WORK_LIMIT {
                break;
            }
            used += round * per_order;
            let mut improved = false;
            for c in 0..choices.len() {
                for k in 0..perms[c].len() {
                    let mut pick = best_pick.clone();
                    pick[c] = k;
                    let cand = search.score(&pick);
                    let cand_rank = (cand.0, std::cmp::Reverse(cand.1), pick.as_slice());
                    if cand_rank < (best.0, std::cmp::Reverse(best.1), best_pick.as_slice()) {
                        best = cand;
                        best_pick = pick;
                        improved = true;
                    }
                }
            }
            if !improved {
                break;
            }
        }
    }
    let evaluated = search.evaluated;
    let current = search.current.take();
    let mut shown = std::mem::take(&mut search.top);
    let (min_pay, max_elderly) = match (shown.first(), &current) {
        (Some(b), Some(c)) if better(c, b) => (c.self_pay, c.elderly_left),
        (Some(b), _) => (b.self_pay, b.elderly_left),
        (None, Some(c)) => (c.self_pay, c.elderly_left),
        (None, None) => (Money::ZERO, Money::ZERO),
    };
    if let Some(cur) = current {
        let pos = shown.iter().position(|x| better(&cur, x)).unwrap_or(shown.len());
        shown.insert(pos, cur);
    }
    let describe = |sc: &Scored| -> Vec<PatientOrder> {
        choices
            .iter()
            .enumerate()
            .map(|(c, ch)| PatientOrder {
                patient: s.members[ch.patient].id.clone(),
                sharers: perms[c][sc.perm[c]].iter().map(|&k| s.members[s.sharing[ch.lines[k]].from].id.clone()).collect(),
            })
            .collect()
    };
    let options: Vec<OrderOption> = shown
        .iter()
        .map(|sc| option(&s, sc, &search.full(&sc.perm), describe(sc), sc.perm == current_pick))
        .collect();
    let best: Vec<usize> = shown
        .iter()
        .enumerate()
        .filter(|(_, sc)| sc.self_pay == min_pay && sc.elderly_left == max_elderly)
        .map(|(i, _)| i)
        .collect();
    let current_pay = shown.iter().find(|sc| sc.perm == current_pick).map_or(min_pay, |sc| sc.self_pay);
    let explanation = explain(&s, &choices, evaluated, min_pay, max_elderly, current_pay, best.len());
    Ok(Advice {
        engine: crate::ENGINE_VERSION,
        rules: crate::data::rules_version(),
        patients: choices
            .iter()
            .map(|c| PatientOrder {
                patient: s.members[c.patient].id.clone(),
                sharers: c.lines.iter().map(|&l| s.members[s.sharing[l].from].id.clone()).collect(),
            })
            .collect(),
        search: search_kind,
        evaluated,
        options,
        best,
        explanation,
        rule: "R-ORDER",
    })
}

fn option(s: &Scenario, sc: &Scored, sum: &Summary, orders: Vec<PatientOrder>, current: bool) -> OrderOption {
    let accounts = || (0..s.members.len()).filter(|&m| s.members[m].insurance.has_account());
    OrderOption {
        orders,
        current,
        self_pay: sc.self_pay,
        paid: OrderedMap(accounts().map(|m| (s.members[m].id.clone(), sum.paid[m])).collect()),
        balances: OrderedMap(accounts().map(|m| (s.members[m].id.clone(), sum.balances[m])).collect()),
        runs_dry: sum.dry.iter().map(|&(m, e)| RunsDry { member: s.members[m].id.clone(), expense: e }).collect(),
        elderly_left: sc.elderly_left,
    }
}

fn explain(
    s: &Scenario,
    choices: &[Choice],
    evaluated: usize,
    min_pay: Money,
    max_elderly: Money,
    current_pay: Money,
    n_best: usize,
) -> String {
    if choices.is_empty() {
        return "没有哪位家人同时有两位或以上的同省共济人，没有顺位可以比较。".into();
    }
    let elderly: Vec<&str> =
        (0..s.members.len()).filter(|&m| is_elderly(s, m) && s.members[m].insurance.has_account()).map(|m| s.members[m].name.as_str()).collect();
    let mut text = format!("一共比较了{evaluated}种顺位安排。全年最少要自己付{min_pay}元");
    if current_pay > min_pay {
        text.push_str(&format!("，现在的顺位要自己付{current_pay}元，换个顺位可以少付{}元", current_pay.minus(min_pay)));
    } else {
        text.push_str("，现在的顺位已经是自付最少的");
    }
    text.push('。');
    if !elderly.is_empty() {
        text.push_str(&format!(
            "自付最少的安排里，推荐的{n_best}种给老人（{}）账户留下的钱最多，共{max_elderly}元。",
            elderly.join("、")
        ));
    }
    text.push_str("计算器只做比较，顺位由您家自己商量决定；改顺位要在绑定家庭共济的平台上修改。");
    text
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::output::Payer;

    /// The reference: the engine's full answer for the paying order `seq`, reduced to what the
    /// replay keeps.
    fn engine_summary(s: &Scenario, seq: &[Vec<usize>]) -> Summary {
        let mut s = s.clone();
        for lines in seq {
            for (rank, &l) in lines.iter().enumerate() {
                if !matches!(s.sharing[l].channel, Channel::Quota(_)) {
                    s.sharing[l].channel = Channel::Ordered(u8::try_from(rank + 1).unwrap());
                }
            }
        }
        let out = engine::evaluate(&s);
        let index = |id: &str| Scenario::member_index(&s.members, id).unwrap();
        let n = s.members.len();
        let mut sum = Summary { self_pay: Money::ZERO, paid: vec![Money::ZERO; n], balances: vec![Money::ZERO; n], dry: vec![] };
        for r in &out.results {
            for st in &r.steps {
                match st.payer {
                    Payer::SelfPay => sum.self_pay = sum.self_pay.plus(st.amount),
                    Payer::OwnAccount | Payer::SharedAccount => {
                        let m = index(st.member.as_deref().unwrap());
                        sum.paid[m] = sum.paid[m].plus(st.amount);
                        let dried = st.balance_after.is_some_and(Money::is_zero) && st.balance_before.is_some_and(|b| !b.is_zero());
                        if dried && !sum.dry.iter().any(|d| d.0 == m) {
                            sum.dry.push((m, r.expense));
                        }
                    }
                    _ => {}
                }
            }
        }
        for (id, b) in &out.balances.0 {
            sum.balances[index(id)] = *b;
        }
        sum
    }

    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
        fn money(&mut self) -> String {
            format!("{}.{:02}", self.below(3000), self.below(100))
        }
    }

    /// A random family and year, mostly valid (invalid ones are skipped by the caller).
    fn random_scenario(rng: &mut Lcg) -> String {
        let relations = ["spouse", "father", "mother", "brother", "sister", "son", "son", "daughter", "grandson", "grandson",
            "paternal_grandfather", "maternal_grandmother", "father_in_law", "daughter_in_law", "nephew", "uncle", "other"];
        let insurance = ["employee", "employee", "employee_retired", "resident", "none"];
        let n = 2 + rng.below(7);
        let mut members = vec![];
        let mut used = vec![];
        for i in 0..n {
            let ins = rng.pick(&insurance);
            let mut relation = if i == 0 { "self" } else { rng.pick(&relations) };
            if crate::kinship::Relation::from_id(relation).is_some_and(|r| r.is_unique()) && used.contains(&relation) {
                relation = "son";
            }
            used.push(relation);
            let mut m = format!(r#"{{"id":"m{i}","relation":"{relation}","insurance":"{ins}","province":"{}""#, rng.pick(&["福建", "福建", "福建", "北京"]));
            if ins.starts_with("employee") {
                m.push_str(&format!(r#","balance":"{}""#, rng.money()));
            }
            members.push(m + "}");
        }
        let mut sharing = vec![];
        let mut pairs = vec![];
        for k in 0..rng.below(14) {
            let (from, to) = (rng.below(n), rng.below(n));
            if from == to || pairs.contains(&(from, to)) {
                continue;
            }
            pairs.push((from, to));
            let mut l = format!(r#"{{"from":"m{from}","to":"m{to}""#);
            match rng.below(5) {
                0 => l.push_str(&format!(r#","quota":"{}.00""#, rng.below(60))),
                1 => {}
                _ => l.push_str(&format!(r#","order":{}"#, 1 + k)),
            }
            sharing.push(l + "}");
        }
        let items = crate::data::items();
        let mut expenses = vec![];
        for _ in 0..rng.below(25) {
            let item = &items[rng.below(items.len())];
            let venue = if rng.below(10) == 0 { "non_designated" } else {
                let v = item.venues[rng.below(item.venues.len())];
                crate::data::Venue::ALL.iter().find(|(_, x)| *x == v).unwrap().0
            };
            let mut e = format!(
                r#"{{"patient":"m{}","item":"{}","venue":"{venue}","card":"{}""#,
                rng.below(n),
                item.id,
                if rng.below(12) == 0 { "other" } else { "own" }
            );
            if rng.below(2) == 0 {
                e.push_str(&format!(r#","personal_burden":"{}""#, rng.money()));
            } else {
                e.push_str(&format!(r#","amount":"{}""#, rng.money()));
                if rng.below(4) == 0 {
                    e.push_str(r#","out_of_catalogue":"1.00""#);
                }
                if rng.below(2) == 0 {
                    e.push_str(&format!(
                        r#","pooled":{{"deductible_left":"{}","ratio":"0.{}","cap_left":"{}"}}"#,
                        rng.below(800),
                        rng.below(10),
                        rng.money()
                    ));
                }
            }
            expenses.push(e + "}");
        }
        let regions: Vec<&str> = crate::data::regions().iter().map(|r| r.id).collect();
        format!(
            r#"{{"as_of":"{}","region":"{}","members":[{}],"sharing":[{}],"expenses":[{}]}}"#,
            rng.pick(&["2021-03-01", "2023-06-01", "2025-06-01", "2026-11-23", "2026-11-23"]),
            rng.pick(&regions),
            members.join(","),
            sharing.join(","),
            expenses.join(",")
        )
    }

    /// Every patient's non-quota lines in a random order, the quota lines after them, as the
    /// engine pays them.
    fn random_seq(s: &Scenario, rng: &mut Lcg) -> Vec<Vec<usize>> {
        (0..s.members.len())
            .map(|p| (0..s.sharing.len()).filter(|&l| s.sharing[l].to == p).collect::<Vec<_>>())
            .map(|lines| {
                let mut free: Vec<usize> = lines.iter().copied().filter(|&l| !matches!(s.sharing[l].channel, Channel::Quota(_))).collect();
                for i in (1..free.len()).rev() {
                    free.swap(i, rng.below(i + 1));
                }
                free.extend(lines.iter().copied().filter(|&l| matches!(s.sharing[l].channel, Channel::Quota(_))));
                free
            })
            .collect()
    }

    fn same(s: &Scenario, rng: &mut Lcg, orders: usize, what: &str) {
        let r = Replay::new(s);
        let all: Vec<usize> = (0..s.expenses.len()).collect();
        for _ in 0..orders {
            let seq = random_seq(s, rng);
            let (a, b) = (r.run(&seq, &all), engine_summary(s, &seq));
            assert_eq!(
                (a.self_pay, &a.paid, &a.balances, &a.dry),
                (b.self_pay, &b.paid, &b.balances, &b.dry),
                "{what}: replay and engine differ for order {seq:?}"
            );
        }
    }

    /// The replay gives the money the engine gives, for random orders of every golden case and
    /// of thousands of random families (quotas, cross-province, missing `via`, pooled room
    /// carried, blocked and self-paid items, regions that decide "depends").
    #[test]
    fn replay_matches_the_engine() {
        let mut rng = Lcg(11);
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            if !matches!(case["kind"].as_str(), None | Some("evaluate" | "advise")) {
                continue;
            }
            let Ok(input) = ScenarioInput::from_text(&case["input"].to_string()) else { continue };
            let Ok(s) = Scenario::from_input(&input) else { continue };
            same(&s, &mut rng, 20, &path.display().to_string());
        }
        let mut valid = 0;
        let mut shared = 0;
        let mut refused = std::collections::BTreeMap::new();
        let mut kinds = [0; 4];
        for _ in 0..6000 {
            let text = random_scenario(&mut rng);
            let Ok(input) = ScenarioInput::from_text(&text) else { continue };
            let s = match Scenario::from_input(&input) {
                Ok(s) => s,
                Err(e) => {
                    *refused.entry(e.code.as_str()).or_insert(0) += 1;
                    continue;
                }
            };
            valid += 1;
            if s.sharing.len() >= 2 {
                shared += 1;
            }
            same(&s, &mut rng, 6, &text);
            let r = Replay::new(&s);
            for plan in &r.plans {
                if let Plan::Flow { pays, .. } = plan {
                    for p in pays {
                        kinds[*p as usize] += 1;
                    }
                }
            }
        }
        // Every way a line can pay is exercised (balance, quota, ineligible, missing `via`).
        assert!(kinds.iter().all(|&k| k >= 50), "{kinds:?}");
        assert!(valid >= 1000 && shared >= 300, "too few valid random scenarios: {valid}, {shared} with sharing; {refused:?}");
    }

    fn scenario(sharers: usize, expenses: usize) -> String {
        let members: Vec<String> = (0..=sharers)
            .map(|i| {
                let relation = if i == 0 { "self" } else if i % 2 == 0 { "son" } else { "daughter" };
                format!(r#"{{"id":"m{i}","relation":"{relation}","insurance":"employee","balance":"{}.00"}}"#, 100 + i * 37)
            })
            .collect();
        let sharing: Vec<String> = (1..=sharers).map(|i| format!(r#"{{"from":"m{i}","to":"m0","order":{i}}}"#)).collect();
        let expenses: Vec<String> = (0..expenses)
            .map(|i| format!(r#"{{"patient":"m0","item":"outpatient_visit","venue":"designated_hospital","personal_burden":"{}.00","card":"own"}}"#, 20 + i % 90))
            .collect();
        format!(
            r#"{{"as_of":"2026-11-23","region":"national","members":[{}],"sharing":[{}],"expenses":[{}]}}"#,
            members.join(","),
            sharing.join(","),
            expenses.join(",")
        )
    }

    #[test]
    fn work_is_bounded() {
        // 720 orders × 1000 expenses is within the limit; all orders are compared.
        let a = advise(&ScenarioInput::from_text(&scenario(6, 1000)).unwrap()).unwrap();
        assert_eq!((a.search, a.evaluated), ("exhaustive", 720));
        assert!(a.options.len() <= OPTIONS_SHOWN + 1);
        // Two patients with 6 sharers each: a local search of whole rounds within the limit.
        let mut two = scenario(6, 0);
        two = two.replace(r#""expenses":[]"#, &format!(r#""expenses":[{}]"#, (0..900).map(|i| format!(r#"{{"patient":"m{}","item":"outpatient_visit","venue":"designated_hospital","personal_burden":"30.00","card":"own"}}"#, i % 2)).collect::<Vec<_>>().join(",")));
        two = two.replace(r#""sharing":["#, r#""sharing":[{"from":"m0","to":"m1","order":1},{"from":"m2","to":"m1","order":2},{"from":"m3","to":"m1","order":3},{"from":"m4","to":"m1","order":4},{"from":"m5","to":"m1","order":5},{"from":"m6","to":"m1","order":6},"#);
        let a = advise(&ScenarioInput::from_text(&two).unwrap()).unwrap();
        assert_eq!(a.search, "local_search");
        assert!(a.evaluated * 900 <= WORK_LIMIT, "{}", a.evaluated);
        // 720 orders × 3000 expenses would be over: refused at once, saying what to reduce.
        let big = scenario(6, 1000);
        let input = ScenarioInput::from_text(&big).unwrap();
        let mut s_input = input;
        let extra = ScenarioInput::from_text(&scenario(6, 1000)).unwrap().expenses;
        s_input.expenses.extend(extra);
        s_input.expenses.extend(ScenarioInput::from_text(&scenario(6, 1000)).unwrap().expenses);
        let e = advise(&s_input).unwrap_err();
        assert_eq!((e.code, e.field.as_str()), (ErrorCode::TooMuchWork, "expenses"), "{e:?}");
        assert!(e.message.contains("减少费用的条数"), "{}", e.message);
    }
}
