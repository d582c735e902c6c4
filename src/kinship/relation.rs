//! The relations a member may have to 我 (SPEC §5), and how the ones that run through someone
//! hang on that person (a grandson on a son, an uncle on a parent).

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
            Uncle | Aunt => {
                Some(&[Father, Mother, PaternalGrandfather, PaternalGrandmother, MaternalGrandfather, MaternalGrandmother])
            }
            _ => None,
        }
    }

    /// A generation above 我 (parents, parents-in-law, grandparents, uncles and aunts): likely
    /// retired, and the "elderly" of order advice and of the page's defaults (one list, here).
    pub fn is_elder(self) -> bool {
        use Relation::*;
        matches!(
            self,
            Father
                | Mother
                | PaternalGrandfather
                | PaternalGrandmother
                | MaternalGrandfather
                | MaternalGrandmother
                | FatherInLaw
                | MotherInLaw
                | Uncle
                | Aunt
        )
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

/// The people a relation runs through: my sons, my daughters, or my brothers and sisters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pool {
    Sons,
    Daughters,
    Siblings,
}

impl Pool {
    pub(super) const ALL: [Pool; 3] = [Pool::Sons, Pool::Daughters, Pool::Siblings];

    pub(super) fn index(self) -> usize {
        self as usize
    }

    pub(super) fn fits(self, r: Relation) -> bool {
        match self {
            Pool::Sons => r == Relation::Son,
            Pool::Daughters => r == Relation::Daughter,
            Pool::Siblings => matches!(r, Relation::Brother | Relation::Sister),
        }
    }
}

/// How a member hangs on the person their relation runs through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tie {
    /// 儿媳, 女婿, 兄弟姐妹的配偶: that person's spouse (one each).
    Spouse,
    /// 孙子女, 外孙子女, 侄甥: that person's child.
    Child,
}

pub(super) fn anchored(r: Relation) -> Option<(Pool, Tie)> {
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
