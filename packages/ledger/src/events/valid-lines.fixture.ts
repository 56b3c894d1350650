import type { EventPayloads } from './types.ts';

/** One valid line per event type (docs/events.md "Event types"). */
export const VALID_LINES: Record<keyof EventPayloads, string> = {
  PartyJoined: '{"type":"PartyJoined","at":"2021-01-01","data":{"party":"CHE","name":"Switzerland","groups":["AnnexI"]}}',
  NdcCommunicated:
    '{"type":"NdcCommunicated","at":"2021-01-02","data":{"party":"CHE","ndc":{"id":"ndc1","kind":"single-year","from":2021,"to":2030,"targetYear":2030,"metric":"tCO2e","target":30000000,"sectors":["all"],"gases":["CO2"],"method":"trajectory","trajectory":{"2021":50000000,"2030":30000000}}}}',
  RegistryOpened: '{"type":"RegistryOpened","at":"2021-01-03","data":{"registry":"CH","kind":"national","party":"CHE","name":"Swiss registry"}}',
  AccountOpened: '{"type":"AccountOpened","at":"2021-01-04","data":{"account":"CH:1","kind":"holding","holder":"KliK","party":"CHE"}}',
  ActivityRegistered:
    '{"type":"ActivityRegistered","at":"2021-01-05","data":{"activity":"a1","host":"CHE","mechanism":"CDM","standard":"GS","title":"Cookstoves","sector":"energy","type":"cookstoves","gases":["CO2"],"inNdc":true,"registeredOn":"2019-05-01","crediting":{"from":"2019-05-01","to":"2029-04-30"},"approvals":["host"]}}',
  ActivityTransitioned: '{"type":"ActivityTransitioned","at":"2021-01-06","data":{"activity":"a1","to":"6.4","requestedOn":"2021-01-06","hostApprovedOn":"2021-01-06T12:00:00Z"}}',
  AuthorizationIssued:
    '{"type":"AuthorizationIssued","at":"2021-01-07","data":{"authorization":"auth1","party":"CHE","activity":"a1","purposes":["NDC","OIMP"],"firstTransfer":"issuance","acquirers":["CHE"],"cap":1000,"vintages":{"from":2021,"to":2025}}}',
  AuthorizationRevoked: '{"type":"AuthorizationRevoked","at":"2021-01-08","data":{"authorization":"auth1","reason":"changed mind"}}',
  UnitsIssued:
    '{"type":"UnitsIssued","at":"2021-01-09","data":{"account":"CH:1","activity":"a1","unitType":"A6.4ER","block":"b1","from":1,"to":100,"vintage":2021,"metric":"tCO2e","authorization":"auth1"}}',
  UnitsTransferred: '{"type":"UnitsTransferred","at":"2021-01-10","data":{"from":"CH:1","to":"LEVY:SOP","units":[{"block":"b1","from":1,"to":5}]}}',
  UnitsUsed: '{"type":"UnitsUsed","at":"2021-01-11","data":{"account":"CH:1","units":[{"block":"b1","from":6,"to":10}],"purpose":"NDC","by":"CHE","year":2021}}',
  UnitsCancelled: '{"type":"UnitsCancelled","at":"2021-01-12","data":{"account":"CH:1","units":[{"block":"b1","from":11,"to":12}],"reason":"omge"}}',
  InventoryReported: '{"type":"InventoryReported","at":"2021-01-13","data":{"party":"CHE","year":2021,"emissions":45000000}}',
  RulebookAdopted: `{"type":"RulebookAdopted","at":"2021-01-14","data":{"name":"Glasgow","sha256":"${'a'.repeat(64)}","imports":{"base.a6":"${'b'.repeat(64)}"},"source":"glasgow.a6"}}`,
  TransactionDecided: `{"type":"TransactionDecided","at":"2021-01-15","data":{"event":"x","rulebook":{"name":"Glasgow","sha256":"${'a'.repeat(64)}"},"verdict":"rejected","reasons":[{"rule":null,"code":"ledger.units_not_held","message":"no"}]}}`,
};
