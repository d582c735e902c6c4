//! The family of a scenario: every member's possible anchors, worked out once, and the kinship
//! of any pair, tried over a few representative placements and remembered.

use super::graph::Graph;
use super::relation::{anchored, Pool, Tie};
use super::{Answer, Kin, Relation};
use std::cell::OnceCell;

/// The one thing the graph needs to know about a member.
#[derive(Clone, Debug)]
pub struct Person {
    pub relation: Relation,
    /// Index of the `via` member, already checked to have one of [`Relation::via_relations`].
    pub via: Option<usize>,
}

/// Where a member is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anchor {
    /// The relation runs through nobody (我, 父母, 子女, 兄弟姐妹, `other`...).
    Fixed,
    /// Through this listed member.
    Member(usize),
    /// Through a person who is not listed.
    Unlisted,
    /// Uncles and aunts: my father's or my mother's sibling.
    PaternalSide,
    MaternalSide,
}

/// The family of a scenario, ready to answer pair questions.
///
/// Every member has its possible anchors, worked out once here, independent of member order:
/// - `via` given: that member (for an uncle or aunt, that side of the family);
/// - a child (孙子女, 外孙子女, 侄甥) without `via`: every listed member who fits (the only one is
///   assumed), or an unlisted parent when none is listed — possibly the same unlisted person
///   as another such member's;
/// - a spouse (儿媳, 女婿, 兄弟姐妹的配偶) without `via`: every fitting member whose spouse is not
///   already named by a `via`. One spouse each: with more such members than free places, as
///   many as there are places are the listed ones' spouses (which ones is unknown), the others
///   spouses of unlisted people;
/// - an uncle or aunt without `via`: either side.
///
/// A pair's kinship depends only on the two members' anchors and whether those coincide, so
/// [`Family::kinship`] tries a few representative placements of the pair (at most a few dozen,
/// whatever the family), and remembers the answer: the engine asks the same pairs again for
/// every expense.
#[derive(Debug)]
pub struct Family {
    people: Vec<Person>,
    /// Possible anchors per member, in a fixed order (listed members by index, then the rest).
    anchors: Vec<Vec<Anchor>>,
    /// Per member: a spouse (儿媳, 女婿, 兄弟姐妹的配偶) without `via`, competing for a place.
    free_spouse: Vec<bool>,
    /// Per pool: spouses without `via`, and listed members whose spouse is still open.
    spouses_without_via: [usize; 3],
    open_places: [usize; 3],
    /// Answers already worked out, per ordered pair `a * n + b` (empty when the family is
    /// beyond the input limit; then nothing is remembered).
    pub(super) answers: Vec<OnceCell<Answer>>,
}

impl Family {
    pub fn new(people: Vec<Person>) -> Family {
        let n = people.len();
        // A `via` that does not fit (the scenario refuses those) is treated as absent.
        let via_of = |i: usize| -> Option<usize> {
            let p = people.get(i)?;
            let v = p.via?;
            let fits = p.relation.via_relations()?;
            people.get(v).filter(|q| fits.contains(&q.relation)).map(|_| v)
        };
        let mut taken = vec![false; n];
        let mut free_spouse = vec![false; n];
        let mut spouses_without_via = [0; 3];
        for (i, p) in people.iter().enumerate() {
            if let Some((pool, Tie::Spouse)) = anchored(p.relation) {
                match via_of(i) {
                    Some(v) => taken[v] = true,
                    None => {
                        spouses_without_via[pool.index()] += 1;
                        free_spouse[i] = true;
                    }
                }
            }
        }
        let open: [Vec<usize>; 3] =
            Pool::ALL.map(|pool| (0..n).filter(|&j| !taken[j] && people.get(j).is_some_and(|q| pool.fits(q.relation))).collect());
        let open_places = [0, 1, 2].map(|k| open[k].len());
        let anchors = (0..n)
            .map(|i| {
                let Some(p) = people.get(i) else { return vec![Anchor::Fixed] };
                if matches!(p.relation, Relation::Uncle | Relation::Aunt) {
                    return match via_of(i).and_then(|v| people.get(v)) {
                        Some(q) => vec![side_of(q.relation)],
                        None => vec![Anchor::PaternalSide, Anchor::MaternalSide],
                    };
                }
                let Some((pool, tie)) = anchored(p.relation) else { return vec![Anchor::Fixed] };
                if let Some(v) = via_of(i) {
                    return vec![Anchor::Member(v)];
                }
                let k = pool.index();
                let mut c: Vec<Anchor> = match tie {
                    Tie::Child => {
                        people.iter().enumerate().filter(|(_, q)| pool.fits(q.relation)).map(|(j, _)| Anchor::Member(j)).collect()
                    }
                    Tie::Spouse => open[k].iter().map(|&j| Anchor::Member(j)).collect(),
                };
                let unlisted = match tie {
                    Tie::Child => c.is_empty(),
                    Tie::Spouse => spouses_without_via[k] > open_places[k],
                };
                if unlisted {
                    c.push(Anchor::Unlisted);
                }
                c
            })
            .collect();
        let cells = if n <= crate::limits::MEMBERS { n * n } else { 0 };
        Family {
            people,
            anchors,
            free_spouse,
            spouses_without_via,
            open_places,
            answers: (0..cells).map(|_| OnceCell::new()).collect(),
        }
    }

    /// Members whose placement was assumed because exactly one listed member fits (no `via`).
    pub fn assumed_anchor(&self, member: usize) -> Option<usize> {
        let p = self.people.get(member)?;
        if p.via.is_some() {
            return None;
        }
        match self.anchors.get(member).map(Vec::as_slice) {
            Some([Anchor::Member(m)]) => Some(*m),
            _ => None,
        }
    }

    /// Whether the family lists someone this member's relation may run through, i.e. whether a
    /// `via` can be chosen for it at all (else that person must be added to the family first).
    pub fn can_name_via(&self, member: usize) -> bool {
        let Some(fits) = self.people.get(member).and_then(|p| p.relation.via_relations()) else { return false };
        self.people.iter().any(|q| fits.contains(&q.relation))
    }

    /// The kinship of members `a` and `b` (the same either way round).
    pub fn kinship(&self, a: usize, b: usize) -> Answer {
        let n = self.people.len();
        if a >= n || b >= n || a == b {
            return Answer::Known(Kin::Unknown);
        }
        let (x, y) = if a < b { (a, b) } else { (b, a) };
        let answer = match self.answers.get(x * n + y) {
            Some(cell) => cell.get_or_init(|| self.work_out(x, y)).clone(),
            None => self.work_out(x, y),
        };
        // Worked out from the lower index's side; parent-in-law pairs have a direction.
        if a < b {
            answer
        } else {
            match answer {
                Answer::Known(k) => Answer::Known(k.flip()),
                Answer::Ambiguous { need, possible } => Answer::Ambiguous {
                    need,
                    // In the order of Kin::ALL, as worked out.
                    possible: Kin::ALL.iter().copied().filter(|k| possible.contains(&k.flip())).collect(),
                },
            }
        }
    }

    fn work_out(&self, a: usize, b: usize) -> Answer {
        let ra = self.representatives(a, b);
        let rb = self.representatives(b, a);
        let mut seen = [false; Kin::ALL.len()];
        for &xa in &ra {
            for &xb in &rb {
                for same_unlisted in [false, true] {
                    if same_unlisted && !self.may_share_unlisted(a, xa, b, xb) {
                        continue;
                    }
                    if !self.feasible(a, xa, b, xb, same_unlisted) {
                        continue;
                    }
                    let kin = Graph::pair(&self.people, [(a, xa), (b, xb)], same_unlisted);
                    if let Some(s) = seen.get_mut(kin.index()) {
                        *s = true;
                    }
                }
            }
        }
        let possible: Vec<Kin> = Kin::ALL.iter().zip(seen).filter(|(_, s)| *s).map(|(k, _)| *k).collect();
        match possible.as_slice() {
            [] => Answer::Known(Kin::Unknown),
            [k] => Answer::Known(*k),
            _ => Answer::Ambiguous { need: self.need(a, b), possible },
        }
    }

    /// The anchors of `a` worth trying when asking about the pair (a, b). Listed members that
    /// are neither `b` nor a possible anchor of `b` are all alike for this pair: one stands for
    /// them all. Of those `b` may also hang on, two are enough to try "the same" and "another".
    pub(super) fn representatives(&self, a: usize, b: usize) -> Vec<Anchor> {
        let (Some(ca), Some(cb)) = (self.anchors.get(a), self.anchors.get(b)) else { return vec![Anchor::Fixed] };
        let (mut common, mut other) = (0, false);
        ca.iter()
            .copied()
            .filter(|&x| match x {
                Anchor::Member(m) if m == b => true,
                Anchor::Member(_) if cb.contains(&x) => {
                    common += 1;
                    common <= 2
                }
                Anchor::Member(_) => !std::mem::replace(&mut other, true),
                _ => true,
            })
            .collect()
    }

    /// Whether `a` and `b`, both placed on an unlisted person of the same pool, may be placed
    /// on the same one (not two spouses of one person).
    fn may_share_unlisted(&self, a: usize, xa: Anchor, b: usize, xb: Anchor) -> bool {
        let (Some(pa), Some(pb)) = (self.person(a), self.person(b)) else { return false };
        match (anchored(pa.relation), anchored(pb.relation)) {
            (Some((pool_a, tie_a)), Some((pool_b, tie_b))) => {
                xa == Anchor::Unlisted
                    && xb == Anchor::Unlisted
                    && pool_a == pool_b
                    && !(tie_a == Tie::Spouse && tie_b == Tie::Spouse)
            }
            _ => false,
        }
    }

    /// Whether the rest of the family can be placed around this placement of `a` and `b`:
    /// one spouse each, and a spouse is an unlisted person's only when every listed place is
    /// taken.
    fn feasible(&self, a: usize, xa: Anchor, b: usize, xb: Anchor, same_unlisted: bool) -> bool {
        let spouse_pool = |m: usize| -> Option<Pool> {
            if !self.free_spouse.get(m).copied().unwrap_or(false) {
                return None;
            }
            self.person(m).and_then(|p| anchored(p.relation)).map(|(pool, _)| pool)
        };
        match (spouse_pool(a), spouse_pool(b)) {
            (Some(pa), Some(pb)) if pa == pb => {
                if same_unlisted || (xa == xb && matches!(xa, Anchor::Member(_))) {
                    return false;
                }
                let listed = [xa, xb].iter().filter(|x| matches!(x, Anchor::Member(_))).count();
                let (k, open) = self.competition(pa);
                // The other k − 2 take the open places left, the rest go to unlisted people.
                if k <= open {
                    listed == 2
                } else {
                    listed + k >= open + 2
                }
            }
            _ => true,
        }
    }

    /// The members whose `via` would decide the pair.
    fn need(&self, a: usize, b: usize) -> Vec<usize> {
        let n = self.people.len();
        let mut need = vec![false; n];
        let mut mark = |j: usize| {
            if let Some(x) = need.get_mut(j) {
                *x = true;
            }
        };
        for m in [a, b] {
            let (Some(p), Some(c)) = (self.person(m), self.anchors.get(m)) else { continue };
            if !(c.len() > 1 || c == &[Anchor::Unlisted]) {
                continue;
            }
            mark(m);
            // Spouses competing for too few places: naming one of them settles the others.
            if let (Some((pool, _)), true) = (anchored(p.relation), self.free_spouse.get(m) == Some(&true)) {
                let (k, open) = self.competition(pool);
                if k > open {
                    for j in 0..n {
                        if self.free_spouse.get(j) == Some(&true)
                            && self.person(j).and_then(|q| anchored(q.relation)).is_some_and(|(p, _)| p == pool)
                        {
                            mark(j);
                        }
                    }
                }
            }
        }
        (0..n).filter(|&j| need.get(j) == Some(&true)).collect()
    }

    fn person(&self, m: usize) -> Option<&Person> {
        self.people.get(m)
    }

    /// Spouses without `via` in a pool, and the listed places open to them.
    fn competition(&self, pool: Pool) -> (usize, usize) {
        let k = pool.index();
        (self.spouses_without_via.get(k).copied().unwrap_or(0), self.open_places.get(k).copied().unwrap_or(0))
    }
}

fn side_of(r: Relation) -> Anchor {
    match r {
        Relation::Father | Relation::PaternalGrandfather | Relation::PaternalGrandmother => Anchor::PaternalSide,
        _ => Anchor::MaternalSide,
    }
}
