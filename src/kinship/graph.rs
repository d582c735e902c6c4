//! One concrete family tree around a pair: the fixed people, the two members asked about and the
//! people they hang on. The kinship the tree shows is the pair's under that placement.

use super::family::{Anchor, Person};
use super::relation::{anchored, Pool, Tie};
use super::{Kin, Relation};

/// One concrete family tree around a pair: the fixed people, the two members asked about, and
/// the people they hang on (listed or not). Nobody else can change the pair's kinship.
#[derive(Default)]
pub(super) struct Graph {
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
    pub(super) fn pair(people: &[Person], pins: [(usize, Anchor); 2], same_unlisted: bool) -> Kin {
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
