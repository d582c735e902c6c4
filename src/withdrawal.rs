//! Withdrawal check (R-WITHDRAW): may the money in a personal account be taken out?
//!
//! Normally not. The situations local rules typically allow are listed in SPEC §3; the answer
//! is `can_apply` where national practice is uniform, `depends_on_region` where cities differ,
//! and `generally_not` otherwise — always with the materials usually asked for and the warnings.

use crate::data::{rule_id, LocalFact, Place};
use crate::error::{ErrorCode, InputError};
use crate::json::{self, boolean, fields, required, string, Json, Path};
use serde::Serialize;

#[derive(Debug)]
pub struct WithdrawalInput {
    /// `death`, `settle_abroad`, `leave_employee_insurance`, `move_no_transfer`,
    /// `long_term_elsewhere`, or `none`.
    pub situation: String,
    /// Bills not yet settled with 医保 (must be settled first). Absent means no.
    pub outstanding_bills: bool,
    /// For `long_term_elsewhere`: a 长期异地就医备案 has been filed. Absent means no.
    pub remote_filing: bool,
    /// The place (SPEC §9.1 id): its local cases are shown as that place's, with sources.
    pub region: Option<String>,
}

impl WithdrawalInput {
    /// Reads the questionnaire from JSON text.
    pub fn from_text(text: &str) -> Result<WithdrawalInput, InputError> {
        Self::read(&json::parse(text)?, &Path::ROOT)
    }

    fn read(v: &Json, at: &Path) -> Result<WithdrawalInput, InputError> {
        let (mut situation, mut outstanding_bills, mut remote_filing, mut region) = (None, false, false, None);
        fields(v, at, &["situation", "outstanding_bills", "remote_filing", "region"], |k, v, p| {
            match k {
                "situation" => situation = Some(string(v, p)?),
                "outstanding_bills" => outstanding_bills = boolean(v, p)?,
                "region" => region = json::optional_string(v, p)?,
                _ => remote_filing = boolean(v, p)?,
            }
            Ok(())
        })?;
        Ok(WithdrawalInput { situation: required(situation, at, "situation")?, outstanding_bills, remote_filing, region })
    }
}

/// Every `answer` of the withdrawal check.
pub const ANSWERS: &[&str] = &["can_apply", "generally_not", "depends_on_region"];

#[derive(Debug, Serialize)]
pub struct WithdrawalAnswer {
    /// `can_apply`, `generally_not` or `depends_on_region`.
    pub answer: &'static str,
    /// The answer as one plain sentence: 可以申请 / 一般不可以 / 取决于当地.
    pub headline: &'static str,
    pub message: String,
    pub who_applies: &'static str,
    pub materials: Vec<&'static str>,
    pub warnings: Vec<String>,
    pub rule: &'static str,
    /// The place's own cases (SPEC §9.1 `region`), each with its sources; empty without a place.
    pub local: Vec<crate::data::LocalFact>,
}

fn situation_words(situation: &str) -> &'static str {
    match situation {
        "death" => "去世",
        "settle_abroad" => "出国（境）定居",
        "leave_employee_insurance" => "不再参加职工医保",
        "move_no_transfer" => "转到不接收余额的地区",
        "long_term_elsewhere" => "长期异地居住",
        _ => "这种情况",
    }
}

/// The case id a place's list uses for a situation of the questionnaire.
fn local_case(situation: &str) -> Option<&'static str> {
    Some(match situation {
        "death" => "death",
        "settle_abroad" => "abroad",
        "leave_employee_insurance" => "leave_employee_insurance",
        "move_no_transfer" => "move_out",
        "long_term_elsewhere" => "long_stay_elsewhere",
        _ => return None,
    })
}

const SITUATIONS: &[&str] =
    &["death", "settle_abroad", "leave_employee_insurance", "move_no_transfer", "long_term_elsewhere", "none"];

/// The answer: the situation as national practice has it, then the place's own list of cases.
pub fn check(input: &WithdrawalInput) -> Result<WithdrawalAnswer, InputError> {
    let Practice { answer, message, who, mut materials } = practice(&input.situation, input.remote_filing)?;
    if answer != "generally_not" {
        materials.extend(["本人（或代办人）身份证件", "社保卡或医保电子凭证", "本人名下的银行账户"]);
    }
    let warnings = warnings(answer, input.outstanding_bills);
    let place = crate::credit::place(&input.region)?;
    let local = place.map(|p| p.local_withdrawal()).unwrap_or_default();
    let (answer, message) = match place {
        Some(p) => on_local_list(p, &local, &input.situation, answer, message),
        None => (answer, message),
    };
    let headline = match answer {
        "can_apply" => "可以申请",
        "depends_on_region" => "取决于当地",
        _ => "一般不可以",
    };
    Ok(WithdrawalAnswer { answer, headline, message, who_applies: who, materials, warnings, rule: rule_id::R_WITHDRAW, local })
}

/// A situation as national practice has it.
struct Practice {
    answer: &'static str,
    message: String,
    who: &'static str,
    materials: Vec<&'static str>,
}

/// Each situation's answer, who applies and the materials usually asked for (one flat table of
/// texts, kept together so that the situations read side by side).
fn practice(situation: &str, remote_filing: bool) -> Result<Practice, InputError> {
    let (answer, message, who, materials): (&'static str, &str, &str, Vec<&str>) = match situation {
        "death" => (
            "can_apply",
            "参保人去世后，个人账户里剩下的钱可以由法定继承人申请一次性支取。",
            "法定继承人（配偶、子女、父母等）",
            vec!["死亡证明（或户籍注销证明）", "继承关系证明（户口簿、亲属关系证明或公证书）", "继承人身份证件", "继承人的银行账户"],
        ),
        "settle_abroad" => (
            "can_apply",
            "出国（境）定居，包括到港澳台定居，办理停保后一般可以申请把个人账户余额一次性取出，具体以当地规定为准。",
            "参保人本人（或委托代办人）",
            vec!["出国（境）定居证明或户籍注销证明", "停保（减员）证明"],
        ),
        "leave_employee_insurance" => (
            "depends_on_region",
            "不再参加职工医保（例如改参居民医保）时，有的地方允许申请取出个人账户余额，有的地方只能继续留着用，请问当地医保部门。",
            "参保人本人",
            vec!["停止参加职工医保的证明"],
        ),
        "move_no_transfer" => (
            "can_apply",
            "跨地区换工作、新参保地不接收个人账户余额时，一般可以申请取出。",
            "参保人本人",
            vec!["新参保地不接收个人账户余额的证明或转移联系函"],
        ),
        "long_term_elsewhere" if remote_filing => (
            "depends_on_region",
            "长期在外地生活并已办理长期异地就医备案，部分地区允许申请取出个人账户余额，请以当地规定为准。",
            "参保人本人",
            vec!["长期异地就医备案凭证", "在外地居住的证明（如居住证）"],
        ),
        "long_term_elsewhere" => (
            "generally_not",
            "只是长期在外地生活、没有办理长期异地就医备案的，一般不能取出。可以先办理备案，再问当地能否支取。",
            "参保人本人",
            vec![],
        ),
        "none" => (
            "generally_not",
            "在职或退休期间，个人账户的钱一般不能取现，只能用于看病买药、家庭共济和规定的缴费。",
            "—",
            vec![],
        ),
        _ => {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "situation",
                "请选择一种情况：去世、出国（境）定居、不再参加职工医保、转到不接收余额的地区、长期异地居住，或以上都不是。",
                format!("situation must be one of {}", SITUATIONS.join(", ")),
            ))
        }
    };
    Ok(Practice { answer, message: message.into(), who, materials })
}

/// What to watch for: unsettled bills first, the usual warnings, and that the account closes.
fn warnings(answer: &str, outstanding_bills: bool) -> Vec<String> {
    let mut warnings = vec![
        "只能取账户里实际剩下的钱，不能透支。".to_string(),
        "用虚假购药、虚开票据等方式套取个人账户的钱是违法的。".to_string(),
        "自称能“代办提现”“医保卡套现”的中介多是诈骗，不要把医保卡、密码和验证码交给别人。".to_string(),
    ];
    if outstanding_bills {
        warnings.insert(0, "还有没结清的医疗费用：要先结清，才能办理支取。".to_string());
    }
    if answer != "generally_not" {
        warnings.push("支取后个人账户一般会注销，以后再参保要重新开始。".into());
    }
    warnings
}

/// A place's own list decides (issue 21 item 6): a case on it can be applied for there; a
/// case the list leaves out is not a plain yes any more, but not a no either (the list may
/// not be complete): ask locally. Death is on every list (社会保险法: the account is inherited).
fn on_local_list(
    p: &'static Place,
    local: &[LocalFact],
    situation: &str,
    answer: &'static str,
    message: String,
) -> (&'static str, String) {
    let Some(case) = local_case(situation) else { return (answer, message) };
    if local.is_empty() || situation == "death" || answer == "generally_not" {
        return (answer, message);
    }
    match local.iter().find(|f| f.case == case) {
        Some(f) => ("can_apply", format!("按{}的规定：{}（来源见下）。具体要带的材料以当地经办机构为准。", f.place, f.text)),
        None => (
            "depends_on_region",
            format!(
                "{}公布的可以支取的情形里没有这一项（只列了：{}），“{}”能不能取出要问当地医保经办机构。",
                local.first().map_or(p.name, |f| f.place),
                local.iter().map(|f| f.text.as_str()).collect::<Vec<_>>().join("；"),
                situation_words(situation)
            ),
        ),
    }
}
