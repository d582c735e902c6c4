//! Kinship between any two family members, derived from each one's relation to 我 (R-KIN).
//!
//! Members are described relative to the visitor ("我"). Sharing runs between any two members,
//! so the engine needs the relation of every pair: my mother and my son are grandparent and
//! grandchild (close relatives), my wife and my mother are in-laws (not close), my two sons are
//! siblings (close).
//!
//! How: every member is placed in a small family graph (people, marriages, parent couples).
//! Relations that run through another person (a grandson through one of my sons, a nephew
//! through one of my siblings, an uncle through one of my parents) are placed on an *anchor*:
//! the member named by `via`; else a member who fits (see [`Family`] for spouses, one each);
//! else, when none is listed, an unlisted person. Where several placements fit, they are tried;
//! if the kinship differs between them, the answer is [`Answer::Ambiguous`] with every possible
//! kinship, and the engine decides whether that matters and asks for `via` instead of guessing.
//! Member order never changes an answer.
//!
//! Assumptions, the simplest family (recorded in ARCHITECTURE.md): my father and mother are a
//! couple; my siblings are full siblings; my children are my spouse's children; a child's
//! spouse is the other parent of that child's children.

use serde::Serialize;
use std::cell::OnceCell;

/// A member's relation to 我 (SPEC §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    #[serde(rename = "self")]
    Myself,
    Spouse,
    Father,
    Mother,
    Brother,
    Sister,
    Son,
    Daughter,
    PaternalGrandfather,
    PaternalGrandmother,
    MaternalGrandfather,
    MaternalGrandmother,
    Grandson,
    Granddaughter,
    MaternalGrandson,
    MaternalGranddaughter,
    FatherInLaw,
    MotherInLaw,
    SonInLaw,
    DaughterInLaw,
    SpouseSibling,
    SiblingSpouse,
    Nephew,
    Niece,
    Uncle,
    Aunt,
    Other,
}

impl Relation {
    /// Every relation with its contract id and its Chinese name.
    pub const ALL: [(Relation, &'static str, &'static str); 27] = [
        (Relation::Myself, "self", "我本人"),
        (Relation::Spouse, "spouse", "配偶"),
        (Relation::Father, "father", "父亲"),
        (Relation::Mother, "mother", "母亲"),
        (Relation::Brother, "brother", "兄弟"),
        (Relation::Sister, "sister", "姐妹"),
        (Relation::Son, "son", "儿子"),
        (Relation::Daughter, "daughter", "女儿"),
        (Relation::PaternalGrandfather, "paternal_grandfather", "爷爷"),
        (Relation::PaternalGrandmother, "paternal_grandmother", "奶奶"),
        (Relation::MaternalGrandfather, "maternal_grandfather", "外公"),
        (Relation::MaternalGrandmother, "maternal_grandmother", "外婆"),
        (Relation::Grandson, "grandson", "孙子"),
        (Relation::Granddaughter, "granddaughter", "孙女"),
        (Relation::MaternalGrandson, "maternal_grandson", "外孙"),
        (Relation::MaternalGranddaughter, "maternal_granddaughter", "外孙女"),
        (Relation::FatherInLaw, "father_in_law", "公公/岳父"),
        (Relation::MotherInLaw, "mother_in_law", "婆婆/岳母"),
        (Relation::SonInLaw, "son_in_law", "女婿"),
        (Relation::DaughterInLaw, "daughter_in_law", "儿媳"),
        (Relation::SpouseSibling, "spouse_sibling", "配偶的兄弟姐妹"),
        (Relation::SiblingSpouse, "sibling_spouse", "兄弟姐妹的配偶"),
        (Relation::Nephew, "nephew", "侄子/外甥"),
        (Relation::Niece, "niece", "侄女/外甥女"),
        (Relation::Uncle, "uncle", "叔伯/舅舅"),
        (Relation::Aunt, "aunt", "姑姑/姨妈"),
        (Relation::Other, "other", "其他"),
    ];

    pub fn from_id(id: &str) -> Option<Relation> {
        Relation::ALL.iter().find(|(_, i, _)| *i == id).map(|(r, _, _)| *r)
    }

    pub fn id(self) -> &'static str {
        Relation::ALL.iter().find(|(r, _, _)| *r == self).map_or("other", |(_, i, _)| i)
    }

    pub fn name_zh(self) -> &'static str {
        Relation::ALL.iter().find(|(r, _, _)| *r == self).map_or("其他", |(_, _, n)| n)
    }

    /// The relations a `via` member may have for this relation, or `None` where `via` means nothing.
    pub fn via_relations(self) -> Option<&'static [Relation]> {
        use Relation::*;
        match self {
            Grandson | Granddaughter | DaughterInLaw => Some(&[Son]),
            MaternalGrandson | MaternalGranddaughter | SonInLaw => Some(&[Daughter]),
            SiblingSpouse | Nephew | Niece => Some(&[Brother, Sister]),
            Uncle | Aunt => {
                Some(&[Father, Mother, PaternalGrandfather, PaternalGrandmother, MaternalGrandfather, MaternalGrandmother])
            }
            _ => None,
        }
    }

    /// Relations of which a family has at most one (a person has one father, one spouse...).
    pub fn is_unique(self) -> bool {
        use Relation::*;
        matches!(
            self,
            Myself
                | Spouse
                | Father
                | Mother
                | PaternalGrandfather
                | PaternalGrandmother
                | MaternalGrandfather
                | MaternalGrandmother
                | FatherInLaw
                | MotherInLaw
        )
    }
}

/// What two members are to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kin {
    Spouse,
    ParentChild,
    Siblings,
    GrandparentGrandchild,
    /// 姻亲: the second member is the first one's spouse's parent (公婆/岳父母). Not close under
    /// 民法典 第1045条; a few places count them in the family circle (SPEC §10.2).
    SpouseParent,
    /// 姻亲: the second member is the first one's child's spouse (儿媳/女婿). Not close.
    ChildSpouse,
    /// Other 姻亲: a spouse's siblings, siblings' spouses, 妯娌, 连襟. Not close.
    InLaw,
    /// A blood relative outside 近亲属 (uncle, nephew, cousin...). Not close.
    OtherRelative,
    /// No relation can be derived (a member described as `other`). Not close.
    Unknown,
}

impl Kin {
    /// Every kinship, in the order [`Answer::Ambiguous`] lists them.
    pub const ALL: [Kin; 9] = [
        Kin::Spouse,
        Kin::ParentChild,
        Kin::Siblings,
        Kin::GrandparentGrandchild,
        Kin::SpouseParent,
        Kin::ChildSpouse,
        Kin::InLaw,
        Kin::OtherRelative,
        Kin::Unknown,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// 近亲属 under 民法典 第1045条 (R-KIN).
    pub fn is_close(self) -> bool {
        matches!(self, Kin::Spouse | Kin::ParentChild | Kin::Siblings | Kin::GrandparentGrandchild)
    }

    /// Spouse, parents and children: the family of the 2021 rule (R-2021), before the widening.
    pub fn is_core_family(self) -> bool {
        matches!(self, Kin::Spouse | Kin::ParentChild)
    }

    /// Any 姻亲 (in-law): a spouse's relative or a relative's spouse.
    pub fn is_in_law(self) -> bool {
        matches!(self, Kin::SpouseParent | Kin::ChildSpouse | Kin::InLaw)
    }

    /// The same kinship seen from the other member (儿媳 → 公婆 becomes 公婆 → 儿媳).
    pub fn flip(self) -> Kin {
        match self {
            Kin::SpouseParent => Kin::ChildSpouse,
            Kin::ChildSpouse => Kin::SpouseParent,
            k => k,
        }
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Kin::Spouse => "夫妻",
            Kin::ParentChild => "父母子女",
            Kin::Siblings => "兄弟姐妹",
            Kin::GrandparentGrandchild => "祖孙（外祖孙）",
            Kin::SpouseParent | Kin::ChildSpouse => "姻亲（公婆或岳父母与儿媳或女婿）",
            Kin::InLaw => "姻亲（如妯娌、连襟、配偶的兄弟姐妹）",
            Kin::OtherRelative => "其他亲属（如叔侄、舅甥、堂表亲）",
            Kin::Unknown => "关系未知",
        }
    }
}

/// The kinship of a pair, or the members whose `via` would decide it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Every reading of the family gives this kinship.
    Known(Kin),
    /// The readings differ: the answer depends on how a relation runs through someone.
    Ambiguous {
        /// Members (indices, ascending) whose `via` would decide it. Where no member fits (a
        /// grandchild whose parent is not listed), the person they run through must be added first
        /// ([`Family::can_name_via`]).
        need: Vec<usize>,
        /// Every kinship some reading gives, each once, in the order of [`Kin::ALL`].
        possible: Vec<Kin>,
    },
}

/// The one thing the graph needs to know about a member.
#[derive(Clone, Debug)]
pub struct Person {
    pub relation: Relation,
    /// Index of the `via` member, already checked to have one of [`Relation::via_relations`].
    pub via: Option<usize>,
}

/// The people a relation runs through: my sons, my daughters, or my brothers and sisters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pool {
    Sons,
    Daughters,
    Siblings,
}

impl Pool {
    const ALL: [Pool; 3] = [Pool::Sons, Pool::Daughters, Pool::Siblings];

    fn index(self) -> usize {
        self as usize
    }

    fn fits(self, r: Relation) -> bool {
        match self {
            Pool::Sons => r == Relation::Son,
            Pool::Daughters => r == Relation::Daughter,
            Pool::Siblings => matches!(r, Relation::Brother | Relation::Sister),
        }
    }
}

/// How a member hangs on the person their relation runs through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tie {
    /// 儿媳, 女婿, 兄弟姐妹的配偶: that person's spouse (one each).
    Spouse,
    /// 孙子女, 外孙子女, 侄甥: that person's child.
    Child,
}

fn anchored(r: Relation) -> Option<(Pool, Tie)> {
    use Relation::*;
    match r {
        Grandson | Granddaughter => Some((Pool::Sons, Tie::Child)),
        DaughterInLaw => Some((Pool::Sons, Tie::Spouse)),
        MaternalGrandson | MaternalGranddaughter => Some((Pool::Daughters, Tie::Child)),
        SonInLaw => Some((Pool::Daughters, Tie::Spouse)),
        Nephew | Niece => Some((Pool::Siblings, Tie::Child)),
        SiblingSpouse => Some((Pool::Siblings, Tie::Spouse)),
        _ => None,
    }
}

impl Relation {
    /// 儿媳, 女婿, 兄弟姐妹的配偶: the spouse of their `via` member, so two of them may not name
    /// the same `via` (`invalid_family`).
    pub fn is_spouse_of_via(self) -> bool {
        anchored(self).is_some_and(|(_, tie)| tie == Tie::Spouse)
    }
}

/// Where a member is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
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
    answers: Vec<OnceCell<Answer>>,
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
                Answer::Ambiguous { need, possible } => {
                    let mut flipped: Vec<Kin> = possible.iter().map(|k| k.flip()).collect();
                    flipped.sort_unstable_by_key(|k| k.index());
                    Answer::Ambiguous { need, possible: flipped }
                }
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
    fn representatives(&self, a: usize, b: usize) -> Vec<Anchor> {
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

/// One concrete family tree around a pair: the fixed people, the two members asked about, and
/// the people they hang on (listed or not). Nobody else can change the pair's kinship.
#[derive(Default)]
struct Graph {
    /// Per node: its parents' couple, and its spouse.
    parents: Vec<Option<usize>>,
    spouse: Vec<Option<usize>>,
    couples: Vec<(usize, usize)>,
}

/// The skeleton every tree starts from.
struct Skeleton {
    me: usize,
    spouse: usize,
    father: usize,
    mother: usize,
    my_parents: usize,
    my_children: usize,
    fathers_parents: usize,
    mothers_parents: usize,
    spouses_parents: usize,
}

impl Graph {
    fn new_node(&mut self) -> usize {
        self.parents.push(None);
        self.spouse.push(None);
        self.parents.len() - 1
    }

    fn child_of(&mut self, couple: usize) -> usize {
        let n = self.new_node();
        self.parents[n] = Some(couple);
        n
    }

    fn marry(&mut self, a: usize, b: usize) {
        self.spouse[a] = Some(b);
        self.spouse[b] = Some(a);
    }

    fn spouse_of(&mut self, n: usize) -> usize {
        match self.spouse[n] {
            Some(s) => s,
            None => {
                let s = self.new_node();
                self.marry(n, s);
                s
            }
        }
    }

    fn parents_of(&mut self, n: usize) -> usize {
        match self.parents[n] {
            Some(c) => c,
            None => {
                let f = self.new_node();
                let m = self.new_node();
                self.marry(f, m);
                self.couples.push((f, m));
                let c = self.couples.len() - 1;
                self.parents[n] = Some(c);
                c
            }
        }
    }

    fn children_couple(&mut self, n: usize) -> usize {
        let s = self.spouse_of(n);
        if let Some(c) = self.couples.iter().position(|&(x, y)| (x, y) == (n, s) || (x, y) == (s, n)) {
            return c;
        }
        self.couples.push((n, s));
        self.couples.len() - 1
    }

    fn skeleton(&mut self) -> Skeleton {
        let me = self.new_node();
        let spouse = self.spouse_of(me);
        let my_parents = self.parents_of(me);
        let (father, mother) = self.couples[my_parents];
        let fathers_parents = self.parents_of(father);
        let mothers_parents = self.parents_of(mother);
        let spouses_parents = self.parents_of(spouse);
        let my_children = self.children_couple(me);
        Skeleton { me, spouse, father, mother, my_parents, my_children, fathers_parents, mothers_parents, spouses_parents }
    }

    /// The kinship of two members placed on the given anchors; `same_unlisted`: when both hang
    /// on an unlisted person, it is the same one.
    fn pair(people: &[Person], pins: [(usize, Anchor); 2], same_unlisted: bool) -> Kin {
        use Relation::*;
        let mut g = Graph::default();
        let k = g.skeleton();
        // Nodes of listed members placed so far (at most four: the pair and their anchors).
        let mut placed: Vec<(usize, usize)> = Vec::with_capacity(4);
        // Unlisted people: (pool, which one) → node.
        let mut unlisted: Vec<((Pool, usize), usize)> = Vec::with_capacity(2);

        // A member who hangs on nobody: a fixed place, or a new child of a fixed couple.
        let fixed_node = |g: &mut Graph, placed: &mut Vec<(usize, usize)>, m: usize| -> usize {
            if let Some(&(_, n)) = placed.iter().find(|(x, _)| *x == m) {
                return n;
            }
            let relation = people.get(m).map_or(Other, |p| p.relation);
            let n = match relation {
                Myself => k.me,
                Spouse => k.spouse,
                Father => k.father,
                Mother => k.mother,
                PaternalGrandfather => g.couples[k.fathers_parents].0,
                PaternalGrandmother => g.couples[k.fathers_parents].1,
                MaternalGrandfather => g.couples[k.mothers_parents].0,
                MaternalGrandmother => g.couples[k.mothers_parents].1,
                FatherInLaw => g.couples[k.spouses_parents].0,
                MotherInLaw => g.couples[k.spouses_parents].1,
                Brother | Sister => g.child_of(k.my_parents),
                Son | Daughter => g.child_of(k.my_children),
                SpouseSibling => g.child_of(k.spouses_parents),
                _ => g.new_node(),
            };
            placed.push((m, n));
            n
        };

        // Spouses first: a child hangs on the couple its parent forms with a listed spouse.
        let mut order = pins;
        let swapped = people.get(pins[1].0).and_then(|p| anchored(p.relation)).is_some_and(|(_, t)| t == Tie::Spouse);
        if swapped {
            order.swap(0, 1);
        }
        let mut nodes = [0usize; 2];
        for (slot, &(m, anchor)) in order.iter().enumerate() {
            let relation = people.get(m).map_or(Other, |p| p.relation);
            let node = if let Some((pool, tie)) = anchored(relation) {
                let base = if pool == Pool::Siblings { k.my_parents } else { k.my_children };
                let mut on = match anchor {
                    Anchor::Member(v) if people.get(v).is_some_and(|q| pool.fits(q.relation)) => {
                        fixed_node(&mut g, &mut placed, v)
                    }
                    _ => {
                        let which = if slot == 1 && same_unlisted { 0 } else { slot };
                        match unlisted.iter().find(|(key, _)| *key == (pool, which)) {
                            Some(&(_, n)) => n,
                            None => {
                                let n = g.child_of(base);
                                unlisted.push(((pool, which), n));
                                n
                            }
                        }
                    }
                };
                match tie {
                    Tie::Spouse => {
                        if g.spouse[on].is_some() {
                            // Not a valid placement (two spouses of one person); stay harmless.
                            on = g.child_of(base);
                        }
                        let n = g.new_node();
                        g.marry(on, n);
                        n
                    }
                    Tie::Child => {
                        let couple = g.children_couple(on);
                        g.child_of(couple)
                    }
                }
            } else if matches!(relation, Uncle | Aunt) {
                let parent = if anchor == Anchor::MaternalSide { k.mother } else { k.father };
                let couple = g.parents_of(parent);
                g.child_of(couple)
            } else {
                fixed_node(&mut g, &mut placed, m)
            };
            nodes[slot] = node;
        }
        if swapped {
            g.kin(nodes[1], nodes[0])
        } else {
            g.kin(nodes[0], nodes[1])
        }
    }

    fn is_parent(&self, parent: usize, child: usize) -> bool {
        self.parents[child].is_some_and(|c| self.couples[c].0 == parent || self.couples[c].1 == parent)
    }

    fn parent_nodes(&self, n: usize) -> Vec<usize> {
        self.parents[n].map(|c| vec![self.couples[c].0, self.couples[c].1]).unwrap_or_default()
    }

    fn siblings(&self, a: usize, b: usize) -> bool {
        a != b && self.parents[a].is_some() && self.parents[a] == self.parents[b]
    }

    fn blood_close(&self, a: usize, b: usize) -> Option<Kin> {
        if self.is_parent(a, b) || self.is_parent(b, a) {
            return Some(Kin::ParentChild);
        }
        if self.siblings(a, b) {
            return Some(Kin::Siblings);
        }
        let grand = |x: usize, y: usize| self.parent_nodes(y).iter().any(|&p| self.is_parent(x, p));
        if grand(a, b) || grand(b, a) {
            return Some(Kin::GrandparentGrandchild);
        }
        None
    }

    /// Blood relatives sharing an ancestor within four generations (uncles, nephews, cousins).
    fn blood_related(&self, a: usize, b: usize) -> bool {
        let mut up_a = vec![a];
        let mut frontier = vec![a];
        for _ in 0..4 {
            frontier = frontier.iter().flat_map(|&n| self.parent_nodes(n)).collect();
            up_a.extend(&frontier);
        }
        let mut up_b = vec![b];
        let mut frontier = vec![b];
        for _ in 0..4 {
            frontier = frontier.iter().flat_map(|&n| self.parent_nodes(n)).collect();
            up_b.extend(&frontier);
        }
        up_a.iter().any(|x| up_b.contains(x))
    }

    /// The kinship of nodes `a` and `b`.
    fn kin(&self, a: usize, b: usize) -> Kin {
        if self.spouse[a] == Some(b) {
            return Kin::Spouse;
        }
        if let Some(k) = self.blood_close(a, b) {
            return k;
        }
        // b is a's spouse's parent, or the spouse of a's child.
        if self.spouse[a].is_some_and(|s| self.is_parent(b, s)) {
            return Kin::SpouseParent;
        }
        if self.spouse[b].is_some_and(|s| self.is_parent(a, s)) {
            return Kin::ChildSpouse;
        }
        let in_law = |x: usize, y: usize| {
            self.spouse[x].is_some_and(|s| matches!(self.blood_close(s, y), Some(Kin::ParentChild | Kin::Siblings)))
        };
        if in_law(a, b) || in_law(b, a) {
            return Kin::InLaw;
        }
        if self.blood_related(a, b) {
            return Kin::OtherRelative;
        }
        if self.parents[a].is_none() && self.spouse[a].is_none() || self.parents[b].is_none() && self.spouse[b].is_none() {
            return Kin::Unknown;
        }
        Kin::InLaw
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Relation::*;

    fn family(rel: &[(Relation, Option<usize>)]) -> Family {
        Family::new(rel.iter().map(|&(relation, via)| Person { relation, via }).collect())
    }

    fn kin(f: &Family, a: usize, b: usize) -> Kin {
        match f.kinship(a, b) {
            Answer::Known(k) => k,
            other => panic!("ambiguous {a}-{b}: {other:?}"),
        }
    }

    fn ambiguous(need: &[usize], possible: &[Kin]) -> Answer {
        Answer::Ambiguous { need: need.to_vec(), possible: possible.to_vec() }
    }

    #[test]
    fn pairs_from_the_spec() {
        let f = family(&[(Myself, None), (Spouse, None), (Mother, None), (Son, None), (Son, None), (Father, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::Spouse);
        assert_eq!(kin(&f, 2, 3), Kin::GrandparentGrandchild, "my mother and my son");
        assert_eq!(kin(&f, 1, 2), Kin::SpouseParent, "my wife and my mother");
        assert_eq!(kin(&f, 2, 1), Kin::ChildSpouse, "my mother and my wife");
        assert_eq!(kin(&f, 3, 4), Kin::Siblings, "my two sons");
        assert_eq!(kin(&f, 2, 5), Kin::Spouse, "my parents");
        assert_eq!(kin(&f, 1, 3), Kin::ParentChild, "my wife and our son");
        assert_eq!(kin(&f, 0, 2), Kin::ParentChild);
    }

    #[test]
    fn in_laws_uncles_and_nephews_are_not_close() {
        let f = family(&[
            (Myself, None),
            (FatherInLaw, None),
            (DaughterInLaw, None),
            (Uncle, Some(4)),
            (Father, None),
            (Nephew, None),
            (Brother, None),
            (SiblingSpouse, None),
            (SpouseSibling, None),
            (Spouse, None),
        ]);
        assert_eq!(kin(&f, 0, 1), Kin::SpouseParent, "我 and 公公/岳父");
        assert_eq!(kin(&f, 1, 0), Kin::ChildSpouse);
        assert_eq!(kin(&f, 0, 2), Kin::ChildSpouse, "我 and 儿媳");
        assert_eq!(kin(&f, 0, 3), Kin::OtherRelative);
        assert_eq!(kin(&f, 3, 4), Kin::Siblings, "uncle via father is father's brother");
        assert_eq!(kin(&f, 0, 5), Kin::OtherRelative);
        assert_eq!(kin(&f, 5, 6), Kin::ParentChild, "the only brother is the nephew's parent");
        assert_eq!(kin(&f, 5, 7), Kin::ParentChild, "the brother's wife is the nephew's mother");
        assert_eq!(kin(&f, 0, 8), Kin::InLaw);
        assert_eq!(kin(&f, 8, 9), Kin::Siblings);
        assert_eq!(kin(&f, 1, 9), Kin::ParentChild);
        assert_eq!(kin(&f, 5, 4), Kin::GrandparentGrandchild);
    }

    #[test]
    fn grandson_with_two_sons_is_ambiguous_only_where_it_matters() {
        let f = family(&[(Myself, None), (Son, None), (Son, None), (Grandson, None), (Spouse, None)]);
        assert_eq!(f.kinship(1, 3), ambiguous(&[3], &[Kin::ParentChild, Kin::OtherRelative]));
        assert_eq!(f.kinship(3, 1), f.kinship(1, 3), "the same either way round");
        assert_eq!(kin(&f, 0, 3), Kin::GrandparentGrandchild, "grandfather either way");
        assert_eq!(kin(&f, 4, 3), Kin::GrandparentGrandchild);
        let f = family(&[(Myself, None), (Son, None), (Son, None), (Grandson, Some(2))]);
        assert_eq!(kin(&f, 2, 3), Kin::ParentChild);
        assert_eq!(kin(&f, 1, 3), Kin::OtherRelative, "uncle and nephew");
    }

    #[test]
    fn one_fitting_member_is_assumed_and_reported() {
        let f = family(&[(Daughter, None), (MaternalGranddaughter, None), (SonInLaw, None)]);
        assert_eq!(f.assumed_anchor(1), Some(0));
        assert_eq!(kin(&f, 0, 1), Kin::ParentChild);
        assert_eq!(kin(&f, 2, 1), Kin::ParentChild, "the son-in-law is the granddaughter's father");
        assert_eq!(kin(&f, 0, 2), Kin::Spouse);
    }

    #[test]
    fn unlisted_intermediates_and_others() {
        let f = family(&[(Grandson, None), (Daughter, None), (Other, None), (PaternalGrandmother, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::OtherRelative, "a son's son and my daughter: aunt and nephew");
        assert_eq!(kin(&f, 2, 1), Kin::Unknown);
        assert!(!Kin::Unknown.is_close());
        assert_eq!(kin(&f, 3, 0), Kin::OtherRelative, "great-grandparent is not a close relative");
    }

    #[test]
    fn uncle_side_matters_for_grandparents() {
        let f = family(&[(Uncle, None), (PaternalGrandfather, None)]);
        assert_eq!(f.kinship(0, 1), ambiguous(&[0], &[Kin::ParentChild, Kin::InLaw]));
        let f = family(&[(Uncle, Some(1)), (PaternalGrandfather, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::ParentChild);
    }

    #[test]
    fn an_explicit_via_takes_the_spouse_place_whatever_the_order() {
        // 我, 嫂子 x (no via), 姐姐, 姐夫 h (via 姐姐): h is her husband, x married another sibling.
        let f = family(&[(Myself, None), (SiblingSpouse, None), (Sister, None), (SiblingSpouse, Some(2))]);
        assert_eq!(kin(&f, 3, 2), Kin::Spouse);
        assert_eq!(kin(&f, 1, 2), Kin::InLaw);
        let f = family(&[(Myself, None), (SiblingSpouse, Some(2)), (Sister, None), (SiblingSpouse, None)]);
        assert_eq!(kin(&f, 1, 2), Kin::Spouse);
        assert_eq!(kin(&f, 3, 2), Kin::InLaw);
    }

    #[test]
    fn two_daughters_in_law_and_one_son_is_asked_not_guessed() {
        let f = family(&[(Son, None), (DaughterInLaw, None), (DaughterInLaw, None)]);
        let both = ambiguous(&[1, 2], &[Kin::Spouse, Kin::InLaw]);
        assert_eq!(f.kinship(2, 0), both);
        assert_eq!(f.kinship(1, 0), both);
        assert_eq!(kin(&f, 1, 2), Kin::InLaw, "妯娌 whoever married whom");
        // One of them is the son's wife; with one daughter-in-law only, she is.
        let f = family(&[(Son, None), (DaughterInLaw, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::Spouse);
        // Two sons, two daughters-in-law: each is one son's wife, which one is unknown.
        let f = family(&[(Son, None), (Son, None), (DaughterInLaw, None), (DaughterInLaw, None), (Grandson, Some(0))]);
        assert_eq!(f.kinship(0, 2), ambiguous(&[2], &[Kin::Spouse, Kin::InLaw]));
        assert_eq!(f.kinship(2, 4), ambiguous(&[2], &[Kin::ParentChild, Kin::InLaw]));
        assert_eq!(kin(&f, 2, 3), Kin::InLaw);
        // Two daughters-in-law, one named: the other married a son who is not listed.
        let f = family(&[(Son, None), (DaughterInLaw, None), (DaughterInLaw, Some(0)), (Grandson, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::InLaw);
        assert_eq!(kin(&f, 2, 3), Kin::ParentChild, "the only son's child, and his wife's");
        assert_eq!(kin(&f, 1, 3), Kin::InLaw);
    }

    #[test]
    fn three_spouses_two_places() {
        // Two of the three are my sons' wives, one is an unlisted son's.
        let f = family(&[(Son, None), (Son, None), (DaughterInLaw, None), (DaughterInLaw, None), (DaughterInLaw, None)]);
        assert_eq!(f.kinship(0, 2), ambiguous(&[2, 3, 4], &[Kin::Spouse, Kin::InLaw]));
        assert_eq!(kin(&f, 2, 3), Kin::InLaw);
    }

    #[test]
    fn grandchildren_whose_parent_is_not_listed() {
        let f = family(&[(Myself, None), (Grandson, None), (Granddaughter, None), (DaughterInLaw, None)]);
        assert_eq!(f.kinship(1, 2), ambiguous(&[1, 2], &[Kin::Siblings, Kin::OtherRelative]), "siblings or cousins");
        assert_eq!(f.kinship(1, 3), ambiguous(&[1, 3], &[Kin::ParentChild, Kin::InLaw]), "mother, or aunt by marriage");
        assert_eq!(kin(&f, 0, 1), Kin::GrandparentGrandchild);
        assert_eq!(kin(&f, 0, 3), Kin::ChildSpouse);
        assert!(!f.can_name_via(1));
        let f = family(&[(Nephew, None), (Niece, None)]);
        assert_eq!(f.kinship(0, 1), ambiguous(&[0, 1], &[Kin::Siblings, Kin::OtherRelative]));
        // Two daughters-in-law of unlisted sons: two different sons (one wife each).
        let f = family(&[(DaughterInLaw, None), (DaughterInLaw, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::InLaw);
    }

    #[test]
    fn member_order_changes_nothing() {
        let rel = [
            (Myself, None),
            (Son, None),
            (Son, None),
            (DaughterInLaw, None),
            (DaughterInLaw, Some(2)),
            (Grandson, None),
            (Granddaughter, Some(1)),
            (SiblingSpouse, None),
            (Sister, None),
            (Nephew, None),
            (Uncle, None),
            (Father, None),
            (SonInLaw, None),
            (Daughter, None),
            (MaternalGrandson, None),
            (DaughterInLaw, None),
        ];
        let f = family(&rel);
        let n = rel.len();
        // A fixed shuffle: position p of the new family holds member perm[p] of the old one.
        let perm: Vec<usize> = (0..n).map(|p| (p * 7 + 3) % n).collect();
        let back = |old: usize| perm.iter().position(|&x| x == old).unwrap();
        let shuffled: Vec<(Relation, Option<usize>)> = perm.iter().map(|&old| (rel[old].0, rel[old].1.map(back))).collect();
        let g = family(&shuffled);
        for a in 0..n {
            for b in 0..n {
                let want = match f.kinship(a, b) {
                    Answer::Ambiguous { mut need, possible } => {
                        need = need.into_iter().map(back).collect();
                        need.sort_unstable();
                        Answer::Ambiguous { need, possible }
                    }
                    k => k,
                };
                assert_eq!(g.kinship(back(a), back(b)), want, "{a}-{b}");
            }
        }
    }

    #[test]
    fn many_sons_and_grandsons_are_quick_and_remembered() {
        let mut rel = vec![(Myself, None)];
        rel.extend((0..19).map(|_| (Son, None)));
        rel.extend((0..10).map(|_| (Grandson, None)));
        let f = family(&rel);
        assert_eq!(f.kinship(1, 20), ambiguous(&[20], &[Kin::ParentChild, Kin::OtherRelative]));
        assert_eq!(f.kinship(20, 21), ambiguous(&[20, 21], &[Kin::Siblings, Kin::OtherRelative]));
        assert_eq!(kin(&f, 0, 29), Kin::GrandparentGrandchild);
        assert!(f.answers.iter().filter(|c| c.get().is_some()).count() == 3);
        assert!(f.representatives(20, 21).len() <= 3, "{:?}", f.representatives(20, 21));
    }

    #[test]
    fn relation_ids_round_trip() {
        for (r, id, _) in Relation::ALL {
            assert_eq!(Relation::from_id(id), Some(r));
            assert_eq!(r.id(), id);
        }
        assert_eq!(Relation::from_id("cousin"), None);
    }
}
