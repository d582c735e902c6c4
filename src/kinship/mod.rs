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
//!
//! Parts: [`relation`] (the relations to 我 and how some run through someone), [`family`] (each
//! member's possible anchors, the pair questions and their memory), [`graph`] (one concrete tree
//! around a pair, and the kinship it shows).

mod family;
mod graph;
mod relation;
#[cfg(test)]
mod tests;

pub use family::{Family, Person};
pub use relation::Relation;
use serde::Serialize;

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
