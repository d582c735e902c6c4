//! Order advice (SPEC §8): compare 顺位 orders for a family and its expected expenses.
//!
//! For every patient with two or more same-province sharers, the possible orders of those
//! sharers are tried (all combinations when there are at most [`EXHAUSTIVE_LIMIT`]; otherwise a
//! local search that improves one patient's order at a time, from the order as given). Each
//! combination is evaluated over the whole year with the ordinary engine, and reported with
//! what each account pays, when it runs dry, and the total self-pay. The best are those with the
//! least self-pay and, among them, those that leave the elderly members' own accounts the most.
//! The advice explains; the family decides. Cross-province quota lines keep their place (a quota
//! belongs to one relative and is not ordered).

use crate::data::rule_id;
use crate::engine;
use crate::error::{ErrorCode, InputError};
use crate::input::ScenarioInput;
use crate::money::Money;
use crate::output::{OrderedMap, Output, Payer, ENGINE_VERSION};
use crate::scenario::{Channel, Insurance, Scenario};
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

#[derive(Clone, Debug, Serialize)]
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
    member.insurance == Insurance::EmployeeRetired || member.relation.is_elder()
}

/// What ranking and showing an order needs — never the order's full output (issue 11: keeping
/// every order's answers took gigabytes).
struct Scored {
    perm: Vec<usize>, // index into each choice's permutation list, per choice
    self_pay: Money,
    elderly_left: Money,
    paid: Vec<(String, Money)>,
    balances: Vec<(String, Money)>,
    runs_dry: Vec<RunsDry>,
}

/// The most expense evaluations one advice may take (orders × expenses). Measured at about
/// 5 µs an expense natively, this keeps any input within the limits under a second; past it the
/// search narrows, and where even one round of it does not fit the question is refused at once.
pub const WORK_LIMIT: usize = 100_000;

fn score(base: &Scenario, choices: &[Choice], perms: &[Vec<Vec<usize>>], pick: &[usize]) -> Scored {
    let mut s = base.clone();
    for (c, choice) in choices.iter().enumerate() {
        for (rank, &k) in perms[c][pick[c]].iter().enumerate() {
            // rank < 99 because a patient has at most 99 ordered lines (validated limits).
            s.sharing[choice.lines[k]].channel = Channel::Ordered(u8::try_from(rank + 1).unwrap_or(u8::MAX));
        }
    }
    let output = engine::evaluate_money(&s);
    summarize(&s, pick, output)
}

fn summarize(s: &Scenario, pick: &[usize], output: Output) -> Scored {
    let self_pay = output
        .results
        .iter()
        .flat_map(|r| r.steps.iter())
        .filter(|st| st.payer == Payer::SelfPay)
        .fold(Money::ZERO, |acc, st| acc.plus(st.amount));
    let elderly_left = output
        .balances
        .0
        .iter()
        .filter(|(id, _)| Scenario::member_index(&s.members, id).is_some_and(|m| is_elderly(s, m)))
        .fold(Money::ZERO, |acc, (_, b)| acc.plus(*b));
    let mut paid: Vec<(String, Money)> = output.balances.0.iter().map(|(id, _)| (id.clone(), Money::ZERO)).collect();
    let mut runs_dry: Vec<RunsDry> = vec![];
    for r in &output.results {
        for st in &r.steps {
            if !matches!(st.payer, Payer::OwnAccount | Payer::SharedAccount) {
                continue;
            }
            let Some(id) = &st.member else { continue };
            if let Some(entry) = paid.iter_mut().find(|(m, _)| m == id) {
                entry.1 = entry.1.plus(st.amount);
            }
            let dried = st.balance_after.is_some_and(Money::is_zero) && st.balance_before.is_some_and(|b| !b.is_zero());
            if dried && !runs_dry.iter().any(|d| &d.member == id) {
                runs_dry.push(RunsDry { member: id.clone(), expense: r.expense });
            }
        }
    }
    Scored { perm: pick.to_vec(), self_pay, elderly_left, paid, balances: output.balances.0, runs_dry }
}

fn better(a: &Scored, b: &Scored) -> bool {
    (a.self_pay, std::cmp::Reverse(a.elderly_left), &a.perm) < (b.self_pay, std::cmp::Reverse(b.elderly_left), &b.perm)
}

pub fn advise(input: &ScenarioInput) -> Result<Advice, InputError> {
    let s = Scenario::from_input(input)?;
    // Orders are compared on money; a member whose insurance is not known makes every order's
    // money two stories. Ask first.
    if let Some(m) = s.members.iter().position(|m| m.insurance == Insurance::Unknown) {
        return Err(InputError::new(
            ErrorCode::InvalidValue,
            format!("members[{m}].insurance"),
            format!("比较顺位要先确认“{}”参加的是职工医保还是居民医保。", s.members[m].name),
            "order advice needs every member's insurance (not unknown)",
        ));
    }
    let choices = choices(&s);
    let perms = orders_of(&choices);
    bound_work(&s, &choices, &perms)?;
    let current_pick = vec![0; choices.len()];
    let (search, seen) = search(&s, &choices, &perms, &current_pick);
    Ok(present(&s, &choices, &perms, &current_pick, search, seen))
}

/// The patients with two or more same-province lines: whose 顺位 there is to choose.
fn choices(s: &Scenario) -> Vec<Choice> {
    let mut choices: Vec<Choice> = vec![];
    for p in 0..s.members.len() {
        let mut lines: Vec<usize> = (0..s.sharing.len())
            .filter(|&i| s.sharing[i].to == p && !matches!(s.sharing[i].channel, Channel::Quota(_)))
            .collect();
        lines.sort_unstable_by_key(|&i| match s.sharing[i].channel {
            Channel::Ordered(n) => (0, n, i),
            _ => (1, 0, i),
        });
        if lines.len() >= 2 {
            choices.push(Choice { patient: p, lines });
        }
    }
    choices
}

/// Every order per choice; very long lists are limited to the first 6 lines (720 orders each).
fn orders_of(choices: &[Choice]) -> Vec<Vec<Vec<usize>>> {
    choices
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
        .collect()
}

/// Bounds the work before doing any (issue 11): orders × expenses evaluated. Refused at once
/// when even one round of the local search does not fit.
fn bound_work(s: &Scenario, choices: &[Choice], perms: &[Vec<Vec<usize>>]) -> Result<(), InputError> {
    let total: usize = perms.iter().map(Vec::len).try_fold(1usize, |acc, n| acc.checked_mul(n)).unwrap_or(usize::MAX);
    let per_order = s.expenses.len().max(1);
    let round: usize = perms.iter().map(Vec::len).sum::<usize>().saturating_mul(per_order);
    if total.saturating_mul(per_order) > WORK_LIMIT && round.saturating_add(per_order) > WORK_LIMIT {
        let sharers: usize = choices.iter().map(|c| c.lines.len()).max().unwrap_or(0);
        return Err(InputError::new(
            ErrorCode::TooMuchWork,
            "expenses",
            format!(
                "要比较的顺位太多：{}位患者各有多位共济人（最多{}位），一共{}笔费用。请减少费用笔数（例如只填一年里主要的几笔），或减少同一位患者的共济人，再比较。",
                choices.len(),
                sharers,
                s.expenses.len()
            ),
            format!("too much work: {} orders per round × {} expenses is over {WORK_LIMIT}; give fewer expenses or fewer sharers per patient", round / per_order, s.expenses.len()),
        ));
    }
    Ok(())
}

/// Every order where that fits the work limit, else a local search (one patient's order
/// changed at a time, as many rounds as fit): the orders scored.
fn search(s: &Scenario, choices: &[Choice], perms: &[Vec<Vec<usize>>], current_pick: &[usize]) -> (&'static str, Vec<Scored>) {
    let total: usize = perms.iter().map(Vec::len).try_fold(1usize, |acc, n| acc.checked_mul(n)).unwrap_or(usize::MAX);
    let per_order = s.expenses.len().max(1);
    let round: usize = perms.iter().map(Vec::len).sum::<usize>().saturating_mul(per_order);
    let mut seen: Vec<Scored> = vec![];
    if total <= EXHAUSTIVE_LIMIT && total.saturating_mul(per_order) <= WORK_LIMIT {
        let mut pick = vec![0usize; choices.len()];
        loop {
            seen.push(score(s, choices, perms, &pick));
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
        return ("exhaustive", seen);
    }
    let mut best = score(s, choices, perms, current_pick);
    let rounds = (WORK_LIMIT.saturating_sub(per_order) / round.max(1)).clamp(1, 4);
    for _round in 0..rounds {
        let mut improved = false;
        for c in 0..choices.len() {
            for k in 0..perms[c].len() {
                let mut pick = best.perm.clone();
                pick[c] = k;
                let cand = score(s, choices, perms, &pick);
                if better(&cand, &best) {
                    seen.push(std::mem::replace(&mut best, cand));
                    improved = true;
                } else {
                    seen.push(cand);
                }
            }
        }
        if !improved {
            break;
        }
    }
    seen.push(best);
    ("local_search", seen)
}

/// The best orders first (and the current one in its place), with the explanation.
fn present(
    s: &Scenario,
    choices: &[Choice],
    perms: &[Vec<Vec<usize>>],
    current_pick: &[usize],
    search: &'static str,
    mut seen: Vec<Scored>,
) -> Advice {
    let evaluated = seen.len();
    seen.sort_unstable_by(|a, b| {
        (a.self_pay, std::cmp::Reverse(a.elderly_left), &a.perm).cmp(&(b.self_pay, std::cmp::Reverse(b.elderly_left), &b.perm))
    });
    seen.dedup_by(|a, b| a.perm == b.perm);
    let (min_pay, max_elderly) = seen.first().map_or((Money::ZERO, Money::ZERO), |b| (b.self_pay, b.elderly_left));
    let mut shown: Vec<Scored> = vec![];
    let mut current: Option<Scored> = None;
    for sc in seen {
        if sc.perm == current_pick {
            current = Some(sc);
        } else if shown.len() < OPTIONS_SHOWN {
            shown.push(sc);
        }
    }
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
    let options: Vec<OrderOption> = shown.iter().map(|sc| option(sc, describe(sc), sc.perm == current_pick)).collect();
    let best: Vec<usize> = shown
        .iter()
        .enumerate()
        .filter(|(_, sc)| sc.self_pay == min_pay && sc.elderly_left == max_elderly)
        .map(|(i, _)| i)
        .collect();
    let current_pay = shown.iter().find(|sc| sc.perm == current_pick).map_or(min_pay, |sc| sc.self_pay);
    let explanation = explain(s, choices, evaluated, min_pay, max_elderly, current_pay, best.len());
    Advice {
        engine: ENGINE_VERSION,
        rules: crate::data::rules_version(),
        patients: choices
            .iter()
            .map(|c| PatientOrder {
                patient: s.members[c.patient].id.clone(),
                sharers: c.lines.iter().map(|&l| s.members[s.sharing[l].from].id.clone()).collect(),
            })
            .collect(),
        search,
        evaluated,
        options,
        best,
        explanation,
        rule: rule_id::R_ORDER,
    }
}

fn option(sc: &Scored, orders: Vec<PatientOrder>, current: bool) -> OrderOption {
    OrderOption {
        orders,
        current,
        self_pay: sc.self_pay,
        paid: OrderedMap(sc.paid.clone()),
        balances: OrderedMap(sc.balances.clone()),
        runs_dry: sc.runs_dry.clone(),
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
    let elderly: Vec<&str> = (0..s.members.len())
        .filter(|&m| is_elderly(s, m) && s.members[m].insurance.has_account())
        .map(|m| s.members[m].name.as_str())
        .collect();
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
