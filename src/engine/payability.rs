//! Whether an account may pay an item here: yes / no, with "depends" decided by the region.

use crate::data::{Item, Payability};
use crate::output::{Reason, Severity};
use crate::scenario::Scenario;

/// `true` when accounts may pay. Pushes a reason when a "depends" item was decided by the
/// region (info) or refused for lack of a regional rule (`region_dependent`).
pub fn resolve(s: &Scenario, item: &Item, which: Payability, own: bool, reasons: &mut Vec<Reason>) -> bool {
    match which {
        Payability::Yes => true,
        Payability::No | Payability::NotApplicable => false,
        Payability::Depends => match s.region.depends_rule(item.id) {
            Some(rule) => {
                let allowed = if own { rule.own } else { rule.shared };
                if !reasons.iter().any(|r| r.code == "region_rule") {
                    reasons.push(Reason {
                        code: "region_rule",
                        severity: Severity::Info,
                        message: format!(
                            "“{}”能否用个人账户付由当地规定。{}：{}（依据：{}，{}起）。",
                            item.name, s.region.name, rule.note, rule.source, rule.effective
                        ),
                        rule: item.rule,
                    });
                }
                allowed
            }
            None => {
                if !reasons.iter().any(|r| r.code == "region_dependent") {
                    reasons.push(Reason {
                        code: "region_dependent",
                        severity: Severity::Warning,
                        message: format!(
                            "{}。“{}”能否用个人账户付由各地规定，“{}”下按不能付计算。请选择您所在的地区，或向当地医保部门确认。",
                            item.note, item.name, s.region.name
                        ),
                        rule: item.rule,
                    });
                }
                false
            }
        },
    }
}
