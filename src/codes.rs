//! The engine's vocabularies, each listed once: reason codes, next-step codes, answers,
//! verdicts and `may_pay`. Each is a Rust enum with the text the JSON carries; `ALL` / `TEXTS`
//! list every value. tests/vocabulary.rs checks golden cases, the page, the TypeScript types
//! (`crates/gongji-wasm/gongji.d.ts`) and the README against these lists.

/// An enum whose values are `snake_case` texts in the JSON, with the list of all values.
macro_rules! vocabulary_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in the order of the list.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Every value's text, in the same order.
            pub const TEXTS: &'static [&'static str] = &[$($text,)*];

            /// The text the JSON carries.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The value with this text.
            pub fn from_text(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

    };
}
pub(crate) use vocabulary_enum as vocabulary;

vocabulary_enum! {
    /// Why a line of the answer is what it is: `reasons[].code`, `ineligible_sharers[].code`,
    /// `payers[].code` (SPEC §7, §9).
    pub enum ReasonCode {
        /// Someone else's card (冒名就医, R-CARD).
        Impersonation = "impersonation",
        NonDesignatedVenue = "non_designated_venue",
        CosmeticNotCovered = "cosmetic_not_covered",
        NotMedicalExpense = "not_medical_expense",
        /// A local rule or date the engine does not know decides it (SPEC §9.2).
        RegionDependent = "region_dependent",
        /// A place's own rule decided it (with its source).
        RegionRule = "region_rule",
        NotCloseRelative = "not_close_relative",
        SharerNoPersonalAccount = "sharer_no_personal_account",
        BeneficiaryNotInsured = "beneficiary_not_insured",
        /// A close relative with an account who has not bound sharing.
        NotBound = "not_bound",
        CrossProvinceNeedsQuota = "cross_province_needs_quota",
        QuotaNotForItem = "quota_not_for_item",
        RuleNotInForce = "rule_not_in_force",
        BalanceExhausted = "balance_exhausted",
        NeedsInput = "needs_input",
        PremiumNotApplicable = "premium_not_applicable",
        DentalTherapeutic = "dental_therapeutic",
        PooledPaid = "pooled_paid",
        PooledSettled = "pooled_settled",
        PooledNotGiven = "pooled_not_given",
        PooledCarried = "pooled_carried",
        OwnCardRequired = "own_card_required",
        SelfPayRest = "self_pay_rest",
        ShareableLimited = "shareable_limited",
        /// The place's circle of relatives for this item leaves the patient out (SPEC §10.2).
        OutsideLocalCircle = "outside_local_circle",
    }
}

vocabulary_enum! {
    /// What to do next: `next_steps[].code` (SPEC §9.3).
    pub enum NextStepCode {
        BindSharing = "bind_sharing",
        SetQuota = "set_quota",
        UseOwnCard = "use_own_card",
        BringIds = "bring_ids",
        KeepSlip = "keep_slip",
        AskLocal = "ask_local",
        PayPremium = "pay_premium",
        CheckWallet = "check_wallet",
        FillVia = "fill_via",
        EnterAmount = "enter_amount",
        EnterBalance = "enter_balance",
        EnterShareable = "enter_shareable",
        Enroll = "enroll",
        UseDesignated = "use_designated",
        SelfPay = "self_pay",
        StopImpersonation = "stop_impersonation",
        AskCloseRelative = "ask_close_relative",
        WaitForRule = "wait_for_rule",
        FixSharing = "fix_sharing",
        /// The spouse of an in-law binds and pays (SPEC §10.2).
        AskSpouse = "ask_spouse",
        /// Find out which insurance someone has (职工医保 or 居民医保, SPEC §10.3).
        AskInsurance = "ask_insurance",
    }
}

vocabulary_enum! {
    /// Can a family member's personal account (by sharing or a quota) pay for this? (SPEC §9.3)
    pub enum AnswerKind {
        /// A bound line may pay this item for this patient.
        Yes = "yes",
        /// A close relative with an account could, once sharing is bound or a quota set.
        NotBound = "not_bound",
        /// No family account may, by rule.
        No = "no",
        /// On a local rule or date the engine does not know.
        Depends = "depends",
        /// Unlawful as described.
        Blocked = "blocked",
        /// A missing fact decides it.
        NeedsInput = "needs_input",
    }
}

vocabulary_enum! {
    /// What happens to the money of one expense (SPEC §7, §9.2).
    pub enum Verdict {
        /// 医保 may settle it: the pool and/or accounts can pay (even if balances are empty).
        Covered = "covered",
        /// Lawful, but by rule nothing from 医保 or any account.
        SelfPay = "self_pay",
        /// Unlawful as described (冒名就医).
        Blocked = "blocked",
        /// The money depends on something not given; no steps, balances untouched.
        NeedsInput = "needs_input",
        /// The money turns on a local rule or date the engine does not know (SPEC §9.2); the steps
        /// are the conservative case and the reasons say what to ask and where.
        Depends = "depends",
    }
}

vocabulary_enum! {
    /// Yes / no / depends: whether one payer may pay (SPEC §9.3 `payers`).
    pub enum MayPay {
        Yes = "yes",
        No = "no",
        Depends = "depends",
    }
}

vocabulary_enum! {
    /// How far apart a sharing line's two members are insured (SPEC §10.1 `payers[].distance`).
    pub enum DistanceCode {
        /// The same 统筹区.
        SameArea = "same_area",
        /// Two 统筹区 of one province.
        SameProvince = "same_province",
        OtherProvince = "other_province",
    }
}
