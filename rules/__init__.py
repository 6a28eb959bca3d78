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
    from formlint_rules.agency_contribution_missing import AgencyContributionMissing
    from formlint_rules.bare_assertion import BareAssertion
    from formlint_rules.child_voice_absent import ChildVoiceAbsent
    from formlint_rules.completed_with_outstanding_actions import CompletedWithOutstandingActions
    from formlint_rules.contingency_missing import ContingencyMissing
    from formlint_rules.expert_assessment_awaited import ExpertAssessmentAwaited
    from formlint_rules.incident_only_focus import IncidentOnlyFocus
    from formlint_rules.management_oversight_absent import ManagementOversightAbsent
    from formlint_rules.missing_risk_factors import MissingRiskFactors
    from formlint_rules.mother_only_responsibility import MotherOnlyResponsibility
    from formlint_rules.need_only_framing import NeedOnlyFraming
    from formlint_rules.non_smart_action import NonSmartAction
    from formlint_rules.one_off_assessment import OneOffAssessment
    from formlint_rules.overestimated_service_remit import OverestimatedServiceRemit
    from formlint_rules.placeholder_text import PlaceholderText
    from formlint_rules.practitioner_stopgap_safety import PractitionerStopgapSafety
    from formlint_rules.process_driven_decision import ProcessDrivenDecision
    from formlint_rules.referrer_feedback_missing import ReferrerFeedbackMissing
    from formlint_rules.risk_not_carried_forward import RiskNotCarriedForward
    from formlint_rules.self_report_as_evidence import SelfReportAsEvidence
    from formlint_rules.service_gap_unescalated import ServiceGapUnescalated
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
        ExpertAssessmentAwaited,
        ServiceGapUnescalated,
        PractitionerStopgapSafety,
        ProcessDrivenDecision,
        CompletedWithOutstandingActions,
        UnclearActionOwnership,
        OneOffAssessment,
        ContingencyMissing,
        NonSmartAction,
        OverestimatedServiceRemit,
        UnchallengedConsensus,
        SingleHypothesis,
        AbsentMaleCarer,
        WiderChildrenOverlooked,
        MotherOnlyResponsibility,
        SelfReportAsEvidence,
        IncidentOnlyFocus,
        ReferrerFeedbackMissing,
        AgencyContributionMissing,
    ]
