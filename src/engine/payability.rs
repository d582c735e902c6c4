//! Whether the patient's own account may pay an item: yes / no, or "depends" decided by the
//! patient's place (SPEC §4, §9.2). Sharing lines are decided per line, under the sharer's place
//! (`eligibility.rs`).

use crate::data::Item;
use crate::data::{ItemDecision, Payability, Place, Tri};
use crate::scenario::{Member, Scenario};

/// The own account's answer for this item and patient, with the place decision used, if any.
pub fn own(s: &Scenario, item: &Item, patient: &Member) -> (Tri, Option<(&'static ItemDecision, &'static Place)>) {
    // Before 国办发〔2021〕14号 excluded it, what an account could buy was local.
    if item.locally_decided_on(s.as_of) {
        return (Tri::Depends, None);
    }
    match item.own {
        Payability::Yes => (Tri::Yes, None),
        Payability::No | Payability::NotApplicable => (Tri::No, None),
        Payability::Depends => match patient.place.decision(item.id, s.as_of) {
            Some((d, by)) => match d.own {
                Some(Tri::Yes) => (Tri::Yes, Some((d, by))),
                Some(Tri::No) => (Tri::No, Some((d, by))),
                _ => (Tri::Depends, Some((d, by))),
            },
            None => (Tri::Depends, None),
        },
    }
}
