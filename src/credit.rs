//! Monthly credit estimate (R-CREDIT): how much goes into a personal account each month.
//!
//! In service: the contribution base × the local rate (default 2%, the national guidance).
//! Retired: the local fixed amount when the visitor knows it, else the pension × the rate
//! (default 2% of the pension, the national guidance's basis). Regional figures are not guessed:
//! the visitor enters them, and the answer says which numbers it used and where they come from.

use crate::data::rule_id;
use crate::error::{ErrorCode, InputError};
use crate::json::{self, fields, optional_number, required, string, Json, Path};
use crate::money::{parse_money, parse_ratio, Money, RawNumber};
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug)]
pub struct CreditInput {
    /// `employee` (在职) or `retired` (退休).
    pub status: String,
    pub contribution_base: Option<RawNumber>,
    pub rate: Option<RawNumber>,
    pub fixed_amount: Option<RawNumber>,
    pub pension: Option<RawNumber>,
    /// The place (SPEC §9.1 id): its local figures are shown as that place's, with sources.
    pub region: Option<String>,
}

impl CreditInput {
    /// Reads the estimate's input from JSON text.
    pub fn from_text(text: &str) -> Result<CreditInput, InputError> {
        Self::read(&json::parse(text)?, &Path::ROOT)
    }

    fn read(v: &Json, at: &Path) -> Result<CreditInput, InputError> {
        let (mut status, mut contribution_base, mut rate, mut fixed_amount, mut pension, mut region) =
            (None, None, None, None, None, None);
        fields(v, at, &["status", "contribution_base", "rate", "fixed_amount", "pension", "region"], |k, v, p| {
            match k {
                "region" => region = json::optional_string(v, p)?,
                "status" => status = Some(string(v, p)?),
                "contribution_base" => contribution_base = optional_number(v, p)?,
                "rate" => rate = optional_number(v, p)?,
                "fixed_amount" => fixed_amount = optional_number(v, p)?,
                _ => pension = optional_number(v, p)?,
            }
            Ok(())
        })?;
        Ok(CreditInput { status: required(status, at, "status")?, contribution_base, rate, fixed_amount, pension, region })
    }
}

#[derive(Debug, Serialize)]
pub struct CreditEstimate {
    pub monthly: Money,
    pub yearly: Money,
    /// The formula with the numbers used, in Chinese.
    pub formula: String,
    /// `visitor` when the visitor gave the rate or amount, `national_default` for the 2% guidance.
    pub basis: &'static str,
    pub notes: Vec<String>,
    pub rule: &'static str,
    /// The place's own figures (SPEC §9.1 `region`), each with its sources; empty without a place.
    pub local: Vec<crate::data::LocalFact>,
}

fn money(raw: &Option<RawNumber>, field: &str, zh: &str) -> Result<Option<Money>, InputError> {
    match raw {
        None => Ok(None),
        Some(r) => parse_money(r).map(Some).map_err(|_| {
            InputError::new(
                ErrorCode::InvalidAmount,
                field,
                format!("{zh}要填0到1000万之间、最多两位小数的金额。"),
                "invalid amount",
            )
        }),
    }
}

pub fn estimate(input: &CreditInput) -> Result<CreditEstimate, InputError> {
    let default_rate = Decimal::new(2, 2);
    let rate = match &input.rate {
        None => None,
        Some(r) => Some(parse_ratio(r).map_err(|_| {
            InputError::new(ErrorCode::InvalidRatio, "rate", "划入比例要填0到1之间的小数，例如 0.02。", "rate must be 0..1")
        })?),
    };
    let pct = |r: Decimal| (r * Decimal::ONE_HUNDRED).normalize();
    let (monthly, formula, basis, mut notes) = match input.status.as_str() {
        "employee" => {
            let base = money(&input.contribution_base, "contribution_base", "缴费基数")?.ok_or_else(|| {
                InputError::new(
                    ErrorCode::MissingField,
                    "contribution_base",
                    "请填写本人的医保缴费基数（一般是上年月平均工资，可在工资条或医保App查）。",
                    "contribution_base is required for employees",
                )
            })?;
            let r = rate.unwrap_or(default_rate);
            let m = Money::round(base.decimal() * r);
            (
                m,
                format!("缴费基数{base}元 × {}% = 每月{m}元", pct(r)),
                if rate.is_some() { "visitor" } else { "national_default" },
                vec!["在职职工个人缴纳的医保费（一般是缴费基数的2%）划入个人账户，单位缴的部分不再划入。".to_string()],
            )
        }
        "retired" => match (money(&input.fixed_amount, "fixed_amount", "当地定额")?, money(&input.pension, "pension", "养老金")?)
        {
            (Some(fixed), _) => (fixed, format!("当地退休人员定额：每月{fixed}元"), "visitor", vec![]),
            (None, Some(pension)) => {
                let r = rate.unwrap_or(default_rate);
                let m = Money::round(pension.decimal() * r);
                (m, format!("基本养老金{pension}元 × {}% = 每月约{m}元", pct(r)), if rate.is_some() { "visitor" } else { "national_default" }, vec![
                    "国家规定：退休人员由统筹基金按定额划入，额度按当地改革当年基本养老金平均水平的2%左右确定。按本人养老金估算只是近似值，以当地公布的定额为准。".to_string(),
                ])
            }
            (None, None) => {
                return Err(InputError::new(
                    ErrorCode::MissingField,
                    "fixed_amount",
                    "请填写当地退休人员每月划入的定额；不知道的话，填本人每月的基本养老金来估算。",
                    "retired: give fixed_amount or pension",
                ))
            }
        },
        _ => {
            return Err(InputError::new(
                ErrorCode::InvalidValue,
                "status",
                "请选择在职或退休。",
                "status must be employee or retired",
            ))
        }
    };
    notes.push("具体划入标准各地不同，以当地医保部门公布的为准；可在国家医保服务平台App查看每月到账明细。".into());
    let who = if input.status == "retired" { crate::data::CreditWho::Retired } else { crate::data::CreditWho::Employee };
    let local = place(&input.region)?.map(|p| p.local_credit(who)).unwrap_or_default();
    if !local.is_empty() && basis == "national_default" {
        notes.push("所选地区有本地的划入标准（见下方“当地规定”），按它估算更准：请把当地的比例或定额填进来。".into());
    }
    Ok(CreditEstimate {
        monthly,
        yearly: Money::round(monthly.decimal() * Decimal::from(12)),
        formula,
        basis,
        notes,
        rule: rule_id::R_CREDIT,
        local,
    })
}

/// The questionnaire's place, if one was given: read as a scenario's `region` is (an id, a
/// 6-digit code or a name; a city without its own profile is its province's), an unknown or
/// ambiguous one refused at `region`.
pub fn place(region: &Option<String>) -> Result<Option<&'static crate::data::Place>, InputError> {
    match region.as_deref() {
        None | Some("") => Ok(None),
        Some(text) => crate::scenario::region(text, "region").map(|at| Some(at.place)),
    }
}
