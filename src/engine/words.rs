//! Plain-Chinese words for the engine's values, used in more than one sentence.

use crate::kinship::Kin;

/// The relations a local circle adds: "配偶的父母（公婆、岳父母）".
pub fn circle_added(kins: &[Kin]) -> String {
    kins.iter()
        .map(|k| match k {
            Kin::SpouseParent => "配偶的父母（公婆、岳父母）",
            Kin::ChildSpouse => "子女的配偶",
            Kin::Siblings => "兄弟姐妹",
            Kin::GrandparentGrandchild => "祖孙",
            Kin::Spouse => "配偶",
            Kin::ParentChild => "父母子女",
            _ => "其他亲属",
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// The relations a local limit allows, with 本人 first: "本人、配偶、父母、子女".
pub fn circle_only(kins: &[Kin]) -> String {
    let mut words = vec!["本人"];
    for k in kins {
        words.push(match k {
            Kin::Spouse => "配偶",
            Kin::ParentChild => "父母、子女",
            Kin::Siblings => "兄弟姐妹",
            Kin::GrandparentGrandchild => "祖父母、外祖父母、孙子女、外孙子女",
            Kin::SpouseParent => "配偶的父母",
            Kin::ChildSpouse => "子女的配偶",
            _ => continue,
        });
    }
    words.join("、")
}
