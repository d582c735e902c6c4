//! Kinship of pairs in small families: the SPEC's examples, in-laws, uncles, missing `via`.
//! Test code only: `mod.rs` declares this module under #[cfg(test)] (the panics here are assertions).

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
