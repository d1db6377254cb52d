#!/usr/bin/env bash
# The thin end-to-end story through one address (the gateway): tokens for the demo clients, a band published, a dataset
# published and found by search, a negotiation to FINALIZED (request at the quoted reference price, offer, accept,
# the provider reads the agreement draft and agrees naming its hash, the buyer verifies, finalize), a grant.
# Needs curl and jq; the marketplace must run with its demo data. Exits non-zero at the first step that fails.
#   deploy/thin-story.sh http://127.0.0.1:8080
set -euo pipefail
base="${1:?base address, e.g. http://127.0.0.1:8080}"
step() { echo "[story] $*" >&2; }
call() { # method path token [body] -> body on stdout; fails on a non-2xx answer with what it said
  local out status
  out=$(mktemp)
  status=$(curl -s -o "$out" -w '%{http_code}' -X "$1" "$base$2" -H "Authorization: Bearer $3" \
    ${4:+-H 'Content-Type: application/json' --data "$4"})
  [[ "$status" == 2* ]] || { echo "$1 $2: $status $(cat "$out")" >&2; rm -f "$out"; return 1; }
  cat "$out"; rm -f "$out"
}
token() {
  curl -sf "$base/connect/token" -d grant_type=client_credentials -d "client_id=$1" -d "client_secret=$1-secret" | jq -er .access_token
}
retry() { # seconds command...: the output of the first run that succeeds (events take a moment to reach a module)
  local deadline=$((SECONDS + $1)) out; shift
  until out=$("$@" 2>/dev/null); do [ $SECONDS -lt $deadline ] || { "$@"; return 1; }; sleep 1; done
  printf '%s' "$out"
}

step "tokens"
# A freshly started deployment: every service behind the gateway gets two minutes to answer.
provider=$(retry 120 token demo-provider-x); buyer=$(retry 120 token demo-buyer-a); admin=$(retry 120 token demo-admin)
step "an administrator publishes the band for the story's category (production sensor time series)"
draft_baseline() { call POST /api/pricing/baselines "$admin" '{"processStage":"production","dataType":"sensor-time-series","basePrice":5000000,
  "factors":{"volumeTiers":[{"from":0,"multiplier":1}],"historyTiers":[{"from":0,"multiplier":1}],"qualityGrades":{"A":1.2,"B":1,"C":0.8},
  "exclusivityMultiplier":2,"purposeMultipliers":{"research":0.8,"internal-operations":1,"product-development":1.2,"ai-training":1.4,"derived-products-resale":2},
  "durationStepAbove12":0.05,"durationStepBelow12":0.05,"floorPercent":70,"ceilingPercent":150,"platformFeePercent":10,"wellDescribedFeePercent":7}}'; }
baseline=$(retry 120 draft_baseline | jq -r .id)
call POST "/api/pricing/baselines/$baseline/publish" "$admin" '{}' >/dev/null
marker="냉각수$RANDOM"
step "publish a dataset ($marker)"
document=$(jq -n --arg m "$marker" '{
  titleKo: ("사출성형기 " + $m + " 데이터"), titleEn: "Injection moulding coolant", descriptionKo: "냉각수 유량", keywords: ["사출", $m],
  classification: {processStage: "production", isa95Level: 2, industry: "C22", dataTypes: ["sensor-time-series"], equipmentType: "사출성형기"},
  structure: {fields: [{name: "timestamp", type: "datetime"}, {name: "flow", type: "float", unit: "L/min"}], formats: ["csv"], updateFrequency: "monthly"},
  quality: {completenessPercent: 97}, preview: {sample: [{timestamp: "2024-01-01T00:00:00Z", flow: 12.5}], declaredSynthetic: true},
  terms: {purposes: ["research"], minDurationMonths: 1, maxDurationMonths: 24, askingPriceKrw: 5000000},
  visibility: {restricted: false, organisations: []}}')
draft_dataset() { call POST /api/catalog/datasets "$provider" "$document"; }
dataset=$(retry 120 draft_dataset | jq -r .id)
call POST "/api/catalog/datasets/$dataset/publish" "$provider" >/dev/null
step "search finds it"
found() { curl -sf "$base/api/catalog/datasets?q=$(jq -rn --arg m "$marker" '$m|@uri')" | jq -e --arg id "$dataset" '.items | any(.id == $id)' >/dev/null; }
retry 30 found
step "quote and request"
quote() { call POST /api/pricing/quotes "$buyer" "{\"datasetId\":\"$dataset\",\"purpose\":\"research\",\"durationMonths\":12,\"exclusive\":false}"; }
price=$(retry 60 quote | jq -r .price.referencePriceKrw)
request() { call POST /api/contracts/negotiations "$buyer" "{\"datasetId\":\"$dataset\",\"priceKrw\":$price,\"terms\":{\"purposes\":[\"research\"],\"durationMonths\":12}}"; }
negotiation=$(retry 60 request | jq -r .id)
n="/api/contracts/negotiations/$negotiation"
step "offer, accept, read the draft, agree, verify, finalize"
call POST "$n/offer" "$provider" '{}' >/dev/null
call POST "$n/accept" "$buyer" >/dev/null
hash=$(call GET "$n/agreement-draft?lang=ko" "$provider" | jq -r .hash)
agreed=$(call POST "$n/agree" "$provider" "{\"agreementHash\":\"$hash\"}")
[ "$(jq -r .agreementHash <<<"$agreed")" = "$hash" ]
call POST "$n/verify" "$buyer" "{\"agreementHash\":\"$hash\"}" >/dev/null
state=$(call POST "$n/finalize" "$buyer" | jq -r .state)
[ "$state" = FINALIZED ] || { echo "state $state" >&2; exit 1; }
agreement=$(jq -r .agreementId <<<"$agreed")
step "a grant for agreement $agreement"
call POST "/api/contracts/agreements/$agreement/grants" "$buyer" | jq -e '.grant | length > 100' >/dev/null
step "FINALIZED, grant issued"
