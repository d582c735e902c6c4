//! The input JSON exactly as the public contract has it (SPEC §7), before any checking.
//!
//! Everything that can be wrong in a value (an unknown relation, a negative amount) is kept as
//! raw text or a [`RawNumber`] here, so that [`crate::scenario`] can refuse it with a precise,
//! field-specific message. Only the *shape* is enforced while reading ([`crate::json`]):
//! unknown fields are refused (they are usually typos), and lists longer than their limit are
//! refused before any entry is read.

use crate::error::InputError;
use crate::json::{self, fields, list, number, optional_number, optional_string, required, string, Json, Path};
use crate::limits;
use crate::money::RawNumber;

#[derive(Debug)]
pub struct ScenarioInput {
    pub as_of: String,
    pub region: String,
    pub members: Vec<MemberInput>,
    pub sharing: Vec<SharingInput>,
    pub expenses: Vec<ExpenseInput>,
}

#[derive(Debug)]
pub struct MemberInput {
    pub id: String,
    pub name: Option<String>,
    pub relation: String,
    pub via: Option<String>,
    pub insurance: String,
    pub province: Option<String>,
    /// The 统筹区 (city) where the member is insured (SPEC §9.1).
    pub city: Option<String>,
    pub balance: Option<RawNumber>,
    /// The part of the balance that may be shared where the place limits it (SPEC §9.2).
    pub shareable_balance: Option<RawNumber>,
}

#[derive(Debug)]
pub struct SharingInput {
    pub from: String,
    pub to: String,
    pub order: Option<RawNumber>,
    pub quota: Option<RawNumber>,
}

#[derive(Debug)]
pub struct ExpenseInput {
    pub patient: String,
    pub item: String,
    pub venue: String,
    pub amount: Option<RawNumber>,
    pub personal_burden: Option<RawNumber>,
    /// Part of `amount` outside the 医保 catalogue (自费): never pooled.
    pub out_of_catalogue: Option<RawNumber>,
    pub card: String,
    pub pooled: Option<PooledInput>,
}

#[derive(Debug)]
pub struct PooledInput {
    pub deductible_left: RawNumber,
    pub ratio: RawNumber,
    pub cap_left: RawNumber,
}

impl ScenarioInput {
    /// Reads a scenario from JSON text.
    pub fn from_text(text: &str) -> Result<ScenarioInput, InputError> {
        Self::read(&json::parse(text)?, &Path::ROOT)
    }

    pub fn read(v: &Json, at: &Path) -> Result<ScenarioInput, InputError> {
        let (mut as_of, mut region, mut members) = (None, None, None);
        let (mut sharing, mut expenses) = (Vec::new(), Vec::new());
        fields(v, at, &["as_of", "region", "members", "sharing", "expenses"], |k, v, p| {
            match k {
                "as_of" => as_of = Some(string(v, p)?),
                "region" => region = Some(string(v, p)?),
                "members" => members = Some(list(v, p, limits::MEMBERS, MemberInput::read)?),
                "sharing" => sharing = list(v, p, limits::SHARING_LINES, SharingInput::read)?,
                _ => expenses = list(v, p, limits::EXPENSES, ExpenseInput::read)?,
            }
            Ok(())
        })?;
        Ok(ScenarioInput {
            as_of: required(as_of, at, "as_of")?,
            region: required(region, at, "region")?,
            members: required(members, at, "members")?,
            sharing,
            expenses,
        })
    }
}

impl MemberInput {
    fn read(v: &Json, at: &Path) -> Result<MemberInput, InputError> {
        let (mut id, mut name, mut relation, mut via) = (None, None, None, None);
        let (mut insurance, mut province, mut city, mut balance, mut shareable) = (None, None, None, None, None);
        let known = ["id", "name", "relation", "via", "insurance", "province", "city", "balance", "shareable_balance"];
        fields(v, at, &known, |k, v, p| {
            match k {
                "id" => id = Some(string(v, p)?),
                "name" => name = optional_string(v, p)?,
                "relation" => relation = Some(string(v, p)?),
                "via" => via = optional_string(v, p)?,
                "insurance" => insurance = Some(string(v, p)?),
                "province" => province = optional_string(v, p)?,
                "city" => city = optional_string(v, p)?,
                "shareable_balance" => shareable = optional_number(v, p)?,
                _ => balance = optional_number(v, p)?,
            }
            Ok(())
        })?;
        Ok(MemberInput {
            id: required(id, at, "id")?,
            name,
            relation: required(relation, at, "relation")?,
            via,
            insurance: required(insurance, at, "insurance")?,
            province,
            city,
            balance,
            shareable_balance: shareable,
        })
    }
}

impl SharingInput {
    fn read(v: &Json, at: &Path) -> Result<SharingInput, InputError> {
        let (mut from, mut to, mut order, mut quota) = (None, None, None, None);
        fields(v, at, &["from", "to", "order", "quota"], |k, v, p| {
            match k {
                "from" => from = Some(string(v, p)?),
                "to" => to = Some(string(v, p)?),
                "order" => order = optional_number(v, p)?,
                _ => quota = optional_number(v, p)?,
            }
            Ok(())
        })?;
        Ok(SharingInput { from: required(from, at, "from")?, to: required(to, at, "to")?, order, quota })
    }
}

impl ExpenseInput {
    fn read(v: &Json, at: &Path) -> Result<ExpenseInput, InputError> {
        let (mut patient, mut item, mut venue, mut card) = (None, None, None, None);
        let (mut amount, mut personal_burden, mut out_of_catalogue, mut pooled) = (None, None, None, None);
        let known = ["patient", "item", "venue", "amount", "personal_burden", "out_of_catalogue", "card", "pooled"];
        fields(v, at, &known, |k, v, p| {
            match k {
                "patient" => patient = Some(string(v, p)?),
                "item" => item = Some(string(v, p)?),
                "venue" => venue = Some(string(v, p)?),
                "amount" => amount = optional_number(v, p)?,
                "personal_burden" => personal_burden = optional_number(v, p)?,
                "out_of_catalogue" => out_of_catalogue = optional_number(v, p)?,
                "card" => card = Some(string(v, p)?),
                _ => pooled = if *v == Json::Null { None } else { Some(PooledInput::read(v, p)?) },
            }
            Ok(())
        })?;
        Ok(ExpenseInput {
            patient: required(patient, at, "patient")?,
            item: required(item, at, "item")?,
            venue: required(venue, at, "venue")?,
            amount,
            personal_burden,
            out_of_catalogue,
            card: required(card, at, "card")?,
            pooled,
        })
    }
}

impl PooledInput {
    fn read(v: &Json, at: &Path) -> Result<PooledInput, InputError> {
        let (mut deductible_left, mut ratio, mut cap_left) = (None, None, None);
        fields(v, at, &["deductible_left", "ratio", "cap_left"], |k, v, p| {
            match k {
                "deductible_left" => deductible_left = Some(number(v, p)?),
                "ratio" => ratio = Some(number(v, p)?),
                _ => cap_left = Some(number(v, p)?),
            }
            Ok(())
        })?;
        Ok(PooledInput {
            deductible_left: required(deductible_left, at, "deductible_left")?,
            ratio: required(ratio, at, "ratio")?,
            cap_left: required(cap_left, at, "cap_left")?,
        })
    }
}
