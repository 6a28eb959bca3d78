"""The built-in formlint rule pack (installed as ``formlint_rules``).

Registered through the ``formlint.rules`` entry point, exactly as a third-party
pack would be; the engine never imports this package directly.
"""

from __future__ import annotations

from formlint.rule import Rule


def get_rules() -> list[type[Rule]]:
    # Imported here so that loading the entry point stays cheap until rules are needed.
    from formlint_rules.absent_male_carer import AbsentMaleCarer
    from formlint_rules.absent_uncertainty import AbsentUncertainty
    from formlint_rules.bare_assertion import BareAssertion
    from formlint_rules.child_voice_absent import ChildVoiceAbsent
    from formlint_rules.management_oversight_absent import ManagementOversightAbsent
    from formlint_rules.missing_risk_factors import MissingRiskFactors
    from formlint_rules.need_only_framing import NeedOnlyFraming
    from formlint_rules.placeholder_text import PlaceholderText
    from formlint_rules.risk_not_carried_forward import RiskNotCarriedForward
    from formlint_rules.single_hypothesis import SingleHypothesis
    from formlint_rules.unchallenged_consensus import UnchallengedConsensus
    from formlint_rules.unclear_action_ownership import UnclearActionOwnership
    from formlint_rules.unrevised_plan import UnrevisedPlan
    from formlint_rules.wider_children_overlooked import WiderChildrenOverlooked

    return [
        AbsentUncertainty,
        BareAssertion,
        PlaceholderText,
        MissingRiskFactors,
        RiskNotCarriedForward,
        NeedOnlyFraming,
        UnrevisedPlan,
        ChildVoiceAbsent,
        ManagementOversightAbsent,
        UnclearActionOwnership,
        UnchallengedConsensus,
        SingleHypothesis,
        AbsentMaleCarer,
        WiderChildrenOverlooked,
    ]
