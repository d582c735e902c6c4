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
//! the member named by `via`; else the only member who fits; else, when none is listed, an
//! unlisted person. When several members fit and `via` is missing, every placement is tried;
//! if the answer (close or not, spouse/parent/child or not) differs between placements, the
//! answer is [`Answer::Ambiguous`] and the engine asks for `via` instead of guessing.
//!
//! Assumptions, the simplest family (recorded in ARCHITECTURE.md): my father and mother are a
//! couple; my siblings are full siblings; my children are my spouse's children; a child's
//! spouse is the other parent of that child's children.

use serde::Serialize;

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
            Uncle | Aunt => Some(&[
                Father, Mother, PaternalGrandfather, PaternalGrandmother, MaternalGrandfather, MaternalGrandmother,
            ]),
            _ => None,
        }
    }

    /// Relations of which a family has at most one (a person has one father, one spouse...).
    pub fn is_unique(self) -> bool {
        use Relation::*;
        matches!(
            self,
            Myself | Spouse | Father | Mother | PaternalGrandfather | PaternalGrandmother | MaternalGrandfather
                | MaternalGrandmother | FatherInLaw | MotherInLaw
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
    /// 姻亲: spouse's parents or siblings, children's or siblings' spouses. Not close.
    InLaw,
    /// A blood relative outside 近亲属 (uncle, nephew, cousin...). Not close.
    OtherRelative,
    /// No relation can be derived (a member described as `other`). Not close.
    Unknown,
}

impl Kin {
    /// 近亲属 under 民法典 第1045条 (R-KIN).
    pub fn is_close(self) -> bool {
        matches!(self, Kin::Spouse | Kin::ParentChild | Kin::Siblings | Kin::GrandparentGrandchild)
    }

    /// Spouse, parents and children: the family of the 2021 rule (R-2021), before the widening.
    pub fn is_core_family(self) -> bool {
        matches!(self, Kin::Spouse | Kin::ParentChild)
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Kin::Spouse => "夫妻",
            Kin::ParentChild => "父母子女",
            Kin::Siblings => "兄弟姐妹",
            Kin::GrandparentGrandchild => "祖孙（外祖孙）",
            Kin::InLaw => "姻亲（如婆媳、翁婿、妯娌）",
            Kin::OtherRelative => "其他亲属（如叔侄、舅甥、堂表亲）",
            Kin::Unknown => "关系未知",
        }
    }
}

/// The kinship of a pair, or the members whose `via` would decide it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Known(Kin),
    /// The answer depends on which listed member a relation runs through; these member indices
    /// need a `via`; `possible` lists every kinship the readings give (no duplicates).
    Ambiguous { need: Vec<usize>, possible: Vec<Kin> },
}

/// The one thing the graph needs to know about a member.
#[derive(Clone, Debug)]
pub struct Person {
    pub relation: Relation,
    /// Index of the `via` member, already checked to have one of [`Relation::via_relations`].
    pub via: Option<usize>,
}

/// Where a relation that runs through someone is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// Through this member.
    Member(usize),
    /// Through an unlisted person (no listed member fits).
    Unlisted,
    /// Uncles and aunts: through my father's or my mother's parents.
    PaternalSide,
    MaternalSide,
}

/// The family of a scenario, ready to answer pair questions.
#[derive(Debug)]
pub struct Family {
    people: Vec<Person>,
    /// Possible anchors per member (one entry for relations that run through nobody).
    anchors: Vec<Vec<Anchor>>,
}

impl Family {
    pub fn new(people: Vec<Person>) -> Family {
        let anchors = (0..people.len()).map(|i| candidate_anchors(&people, i)).collect();
        Family { people, anchors }
    }

    /// Members whose placement was assumed because exactly one listed member fits (no `via`).
    /// The engine tells the visitor about these.
    pub fn assumed_anchor(&self, member: usize) -> Option<usize> {
        let p = self.people.get(member)?;
        if p.via.is_some() || p.relation.via_relations().is_none() {
            return None;
        }
        match self.anchors.get(member).map(Vec::as_slice) {
            Some([Anchor::Member(m)]) => Some(*m),
            _ => None,
        }
    }

    /// The kinship of members `a` and `b`.
    pub fn kinship(&self, a: usize, b: usize) -> Answer {
        let (Some(ca), Some(cb)) = (self.anchors.get(a), self.anchors.get(b)) else {
            return Answer::Known(Kin::Unknown);
        };
        let mut first: Option<Kin> = None;
        let mut differs = false;
        let mut possible: Vec<Kin> = Vec::new();
        for &xa in ca {
            for &xb in cb {
                let kin = Graph::build(&self.people, &self.anchors, (a, xa), (b, xb)).kin(a, b);
                if !possible.contains(&kin) {
                    possible.push(kin);
                }
                match first {
                    None => first = Some(kin),
                    Some(f) if (f.is_close(), f.is_core_family()) != (kin.is_close(), kin.is_core_family()) => {
                        differs = true
                    }
                    Some(_) => {}
                }
            }
        }
        if differs {
            let mut need: Vec<usize> = [(a, ca), (b, cb)].iter().filter(|(_, c)| c.len() > 1).map(|(m, _)| *m).collect();
            need.dedup();
            Answer::Ambiguous { need, possible }
        } else {
            Answer::Known(first.unwrap_or(Kin::Unknown))
        }
    }
}

fn candidate_anchors(people: &[Person], i: usize) -> Vec<Anchor> {
    let p = &people[i];
    let Some(fits) = p.relation.via_relations() else {
        return vec![Anchor::Unlisted];
    };
    let side_of = |r: Relation| match r {
        Relation::Father | Relation::PaternalGrandfather | Relation::PaternalGrandmother => Anchor::PaternalSide,
        _ => Anchor::MaternalSide,
    };
    let is_parent_side = matches!(p.relation, Relation::Uncle | Relation::Aunt);
    if let Some(v) = p.via {
        return vec![if is_parent_side { side_of(people[v].relation) } else { Anchor::Member(v) }];
    }
    if is_parent_side {
        return vec![Anchor::PaternalSide, Anchor::MaternalSide];
    }
    let listed: Vec<Anchor> =
        people.iter().enumerate().filter(|(_, q)| fits.contains(&q.relation)).map(|(j, _)| Anchor::Member(j)).collect();
    if listed.is_empty() { vec![Anchor::Unlisted] } else { listed }
}

/// One concrete family tree: every member placed, unlisted people added where needed.
struct Graph {
    /// Per node: its parents' couple, and its spouse.
    parents: Vec<Option<usize>>,
    spouse: Vec<Option<usize>>,
    couples: Vec<(usize, usize)>,
    /// Node of each member.
    node: Vec<usize>,
}

impl Graph {
    fn new_node(&mut self) -> usize {
        self.parents.push(None);
        self.spouse.push(None);
        self.parents.len() - 1
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

    /// Places every member. `pin_a` and `pin_b` fix the anchor of the two members asked about;
    /// every other member takes its first candidate (it cannot change the pair's answer).
    fn build(people: &[Person], anchors: &[Vec<Anchor>], pin_a: (usize, Anchor), pin_b: (usize, Anchor)) -> Graph {
        use Relation::*;
        let mut g = Graph { parents: vec![], spouse: vec![], couples: vec![], node: vec![usize::MAX; people.len()] };
        let me = g.new_node();
        let anchor = |i: usize| -> Anchor {
            if i == pin_a.0 {
                pin_a.1
            } else if i == pin_b.0 {
                pin_b.1
            } else {
                anchors[i].first().copied().unwrap_or(Anchor::Unlisted)
            }
        };

        // Fixed positions first: me, spouse, parents, grandparents, in-law parents.
        let spouse = g.spouse_of(me);
        let my_parents = g.parents_of(me);
        let (father, mother) = g.couples[my_parents];
        let fathers_parents = g.parents_of(father);
        let mothers_parents = g.parents_of(mother);
        let spouses_parents = g.parents_of(spouse);
        for (i, p) in people.iter().enumerate() {
            g.node[i] = match p.relation {
                Myself => me,
                Spouse => spouse,
                Father => father,
                Mother => mother,
                PaternalGrandfather => g.couples[fathers_parents].0,
                PaternalGrandmother => g.couples[fathers_parents].1,
                MaternalGrandfather => g.couples[mothers_parents].0,
                MaternalGrandmother => g.couples[mothers_parents].1,
                FatherInLaw => g.couples[spouses_parents].0,
                MotherInLaw => g.couples[spouses_parents].1,
                _ => usize::MAX,
            };
        }
        // Children of fixed couples: siblings, my children, spouse's siblings.
        let my_children = g.children_couple(me);
        for (i, p) in people.iter().enumerate() {
            let couple = match p.relation {
                Brother | Sister => my_parents,
                Son | Daughter => my_children,
                SpouseSibling => spouses_parents,
                _ => continue,
            };
            let n = g.new_node();
            g.parents[n] = Some(couple);
            g.node[i] = n;
        }
        // Anchored relations: resolve the anchor to a node (an unlisted person when needed).
        let anchor_node = |g: &mut Graph, i: usize, unlisted_parent_couple: usize| -> usize {
            match anchor(i) {
                Anchor::Member(m) if g.node[m] != usize::MAX => g.node[m],
                Anchor::PaternalSide => father,
                Anchor::MaternalSide => mother,
                _ => {
                    let n = g.new_node();
                    g.parents[n] = Some(unlisted_parent_couple);
                    n
                }
            }
        };
        // Spouses of children and siblings first: grandchildren and nephews are their children.
        for (i, p) in people.iter().enumerate() {
            let base = match p.relation {
                SonInLaw | DaughterInLaw => my_children,
                SiblingSpouse => my_parents,
                _ => continue,
            };
            let mut a = anchor_node(&mut g, i, base);
            if g.spouse[a].is_some() {
                // That child already has a spouse in the family: this one married another, unlisted child.
                a = g.new_node();
                g.parents[a] = Some(base);
            }
            let n = g.new_node();
            g.marry(a, n);
            g.node[i] = n;
        }
        for (i, p) in people.iter().enumerate() {
            let (base, through_parents) = match p.relation {
                Grandson | Granddaughter | MaternalGrandson | MaternalGranddaughter => (my_children, false),
                Nephew | Niece => (my_parents, false),
                Uncle | Aunt => (my_parents, true),
                _ => continue,
            };
            let a = anchor_node(&mut g, i, base);
            let couple = if through_parents { g.parents_of(a) } else { g.children_couple(a) };
            let n = g.new_node();
            g.parents[n] = Some(couple);
            g.node[i] = n;
        }
        // `other`: a node with no known tie.
        for i in 0..people.len() {
            if g.node[i] == usize::MAX {
                g.node[i] = g.new_node();
            }
        }
        g
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

    fn kin(&self, ma: usize, mb: usize) -> Kin {
        let (a, b) = (self.node[ma], self.node[mb]);
        if self.spouse[a] == Some(b) {
            return Kin::Spouse;
        }
        if let Some(k) = self.blood_close(a, b) {
            return k;
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
            Answer::Ambiguous { need, .. } => panic!("ambiguous {a}-{b}: {need:?}"),
        }
    }

    #[test]
    fn pairs_from_the_spec() {
        let f = family(&[(Myself, None), (Spouse, None), (Mother, None), (Son, None), (Son, None), (Father, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::Spouse);
        assert_eq!(kin(&f, 2, 3), Kin::GrandparentGrandchild, "my mother and my son");
        assert_eq!(kin(&f, 1, 2), Kin::InLaw, "my wife and my mother");
        assert_eq!(kin(&f, 3, 4), Kin::Siblings, "my two sons");
        assert_eq!(kin(&f, 2, 5), Kin::Spouse, "my parents");
        assert_eq!(kin(&f, 1, 3), Kin::ParentChild, "my wife and our son");
        assert_eq!(kin(&f, 0, 2), Kin::ParentChild);
    }

    #[test]
    fn in_laws_uncles_and_nephews_are_not_close() {
        let f = family(&[
            (Myself, None), (FatherInLaw, None), (DaughterInLaw, None), (Uncle, Some(4)), (Father, None),
            (Nephew, None), (Brother, None), (SiblingSpouse, None), (SpouseSibling, None), (Spouse, None),
        ]);
        assert_eq!(kin(&f, 0, 1), Kin::InLaw);
        assert_eq!(kin(&f, 0, 2), Kin::InLaw);
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
        assert!(matches!(f.kinship(1, 3), Answer::Ambiguous { need, .. } if need == vec![3]));
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
        assert!(matches!(f.kinship(0, 1), Answer::Ambiguous { need, .. } if need == vec![0]));
        let f = family(&[(Uncle, Some(1)), (PaternalGrandfather, None)]);
        assert_eq!(kin(&f, 0, 1), Kin::ParentChild);
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
