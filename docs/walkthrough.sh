#!/usr/bin/env bash
# The README walkthrough: one suggestion through every step, using only the HTTP API.
# Needs a running CivicFlow with the demo accounts (the README start command), curl and jq.
set -euo pipefail
B=${CIVICFLOW_URL:-http://localhost:8080}/api/v1
P='Demo@12345'
DUE=$(date -d '+6 months' +%F)   # a commitment's due date must be after today

# complete USER KEY BODY — completes USER's task KEY on the proposal $ID
complete() {
  local task
  task=$(curl -sf -u "$1:$P" "$B/tasks?key=$2&proposal=$ID" | jq -r '.items[0].id')
  curl -sf -u "$1:$P" -H 'Content-Type: application/json' -d "$3" "$B/tasks/$task/complete"
  echo "$1 completed $2 → $(curl -sf -u registrar:$P "$B/proposals/$ID" | jq -r .status)"
}

# 1. the registrar registers the suggestion
ID=$(curl -sf -u registrar:$P -H 'Content-Type: application/json' "$B/proposals" -d '{
  "session": "市九届人大一次会议", "number": "9'$RANDOM'", "type": "SUGGESTION",
  "title": "关于加强对网红直播带货市场监督管理的建议",
  "content": "部分主播虚假宣传、售卖假冒伪劣商品,售后服务不到位。建议提高准入门槛,加强直播广告和售后监管。",
  "category": "市场监管", "proposer": "金淼", "proposerUsername": "deputy.jinmiao",
  "coSigners": ["王立新"], "delegation": "昌图县", "submittedAt": "2021-12-29"}' | jq -r .id)
echo "registered proposal $ID"

# 2. acceptance and assignment: SCJG leads, WXB and SWJ co-handle
complete registrar reviewAcceptance '{"decision": "ACCEPT"}'
complete registrar assignDepartments '{"mode": "LEAD_CO", "lead": "SCJG", "co": ["WXB", "SWJ"]}'

# 3. SWJ asks for re-assignment; the others sign for; the registrar agrees and re-assigns
complete swj.handler signFor '{"decision": "REQUEST_REASSIGNMENT", "reason": "不属于本局职责"}'
complete scjg.handler signFor '{"decision": "ACCEPT"}'
complete wxb.handler signFor '{"decision": "ACCEPT"}'
complete registrar decideReassignment '{"decision": "APPROVE", "comment": "同意调整"}'
complete registrar assignDepartments '{"mode": "LEAD_CO", "lead": "SCJG", "co": ["WXB"]}'

# 4. the co-handling opinion, a draft, a return at review, the revised draft and its diff
complete wxb.handler coHandlingOpinion '{"opinion": "网信办配合开展直播平台关键词监测。"}'
complete scjg.handler draftReply '{"replyText": "金淼代表:您的建议收悉。我局开展了联合监管。",
  "category": "B", "contactMethod": "PHONE", "contactNote": "电话沟通", "disclosure": "PUBLIC",
  "commitments": [{"text": "建立直播带货重点账号监测名单", "dueDate": "'"$DUE"'", "measure": "名单印发,每月抽查"}]}'
complete scjg.reviewer reviewDraft '{"decision": "RETURN", "comment": "请补充关键词监测情况"}'
complete scjg.handler draftReply '{"replyText": "金淼代表:您的建议收悉。我局开展了联合监管,对直播平台开展关键词监测。",
  "category": "B", "contactMethod": "PHONE", "contactNote": "电话沟通", "disclosure": "PUBLIC",
  "commitments": [{"text": "建立直播带货重点账号监测名单", "dueDate": "'"$DUE"'", "measure": "名单印发,每月抽查"}]}'
curl -sf -u scjg.reviewer:$P "$B/proposals/$ID/drafts/2/diff" | jq -c '.segments, .commitmentSegments'

# 5. review, sign-off; the reply is sent and published (background jobs, a few seconds)
complete scjg.reviewer reviewDraft '{"decision": "APPROVE"}'
complete scjg.leader signOff '{"decision": "APPROVE", "comment": "同意签发"}'
until [ "$(curl -sf -u registrar:$P "$B/proposals/$ID" | jq -r .status)" = AWAITING_FEEDBACK ]; do sleep 1; done

# 6. the deputy is not satisfied: the department handles it once more, then the final rating
complete deputy.jinmiao giveFeedback '{"workRating": "SATISFIED", "resultRating": "UNSATISFIED", "comment": "售后监管不够具体"}'
complete scjg.handler draftReply '{"replyText": "金淼代表:关于售后监管,我局通过12315平台受理投诉并依法查处。",
  "category": "B", "contactMethod": "MEETING", "contactNote": "座谈", "disclosure": "PUBLIC",
  "commitments": [{"text": "12315投诉处理情况按季度通报", "dueDate": "'"$DUE"'", "measure": "通报在政府网站公布"}]}'
complete scjg.reviewer reviewDraft '{"decision": "APPROVE"}'
complete scjg.leader signOff '{"decision": "APPROVE"}'
until [ "$(curl -sf -u registrar:$P "$B/proposals/$ID" | jq -r .status)" = AWAITING_FEEDBACK ]; do sleep 1; done
complete deputy.jinmiao giveFeedback '{"workRating": "SATISFIED", "resultRating": "SATISFIED"}'

# 7. closed, published with the SHA-256 of the public text, rated twice
curl -sf -u registrar:$P "$B/proposals/$ID" \
  | jq '{status, publication: .publication | {state, publishedAt, contentSha256}, feedback: [.feedback[].resultRating]}'
