/** The example rulebooks of dsl.md ("Example") and replay.md ("Worked example"), verbatim. */
export const DSL_EXAMPLE = `// Glasgow rulebook, as adopted (Decisions 2/CMA.3 and 3/CMA.3)
rulebook glasgow_2021 "Article 6 as adopted at CMA.3" {
  cite "Decision 2/CMA.3, annex; Decision 3/CMA.3, annex"

  option first_transfer.ndc = international_transfer
  option first_transfer.oimp = per_authorization
  option adjustment.object = emissions_balance
  option adjustment.single_year = party_method
  option a64.itmo = on_first_transfer

  levy share_of_proceeds 5% on issuance where unit.mechanism == "6.4" to adaptation_fund
  levy omge 2% rounded up on issuance where unit.mechanism == "6.4" cancel

  rule vintage_2021 "ITMOs are mitigation from 2021 on" on first_transfer {
    require unit.vintage >= 2021
      else "{unit.serial} has vintage {unit.vintage}; ITMOs start in 2021"
  }

  rule authorized_first "no first transfer without authorization" on international_transfer
      where unit.type == "ITMO" {
    require unit.authorized
  }

  rule cdm_window "CDM transition: deadlines, crediting period active on 1 Jan 2021" on transition {
    require event.requested_on <= 2023-12-31
    require event.host_approved_on != none and event.host_approved_on <= 2026-06-30
    require activity.crediting_from <= 2021-01-01 and activity.crediting_to >= 2021-01-01
  }

  rule cer_first_ndc "CERs count only from activities registered since 2013" on use
      where unit.type == "CER" {
    require activity.registered_on >= 2013-01-01 and unit.vintage >= 2013
  }
}

// A seed-paper variant: ITMOs only from within the host's NDC coverage
rulebook within_ndc_only extends glasgow_2021 "ITMOs restricted to NDC coverage" {
  rule ndc_scope "only NDC-covered activities" on authorization, first_transfer {
    require activity.in_ndc else "activity {activity.id} lies outside {activity.host}'s NDC"
  }
}

// Another: OMGE as a 2% discount at use instead of issuance, and the CA applied at use
rulebook omge_at_use extends glasgow_2021 {
  remove levy omge
  levy omge 2% rounded up on use where unit.itmo cancel
  option adjustment.transferor = on_use
}
`;

export const REPLAY_WORKED_EXAMPLE = `rulebook bilateral "Singapore-style: 5% SOP and 2% OMGE at first issuance" {
  option adjustment.single_year = party_method
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
  levy omge 2% rounded up on issuance where unit.type == "ITMO" cancel
}
`;
