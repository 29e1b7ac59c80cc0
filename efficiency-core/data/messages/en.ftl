# Administrative efficiency building — English message catalogue.
#
# Each message's id is the stable code the library emits with its dot turned into a hyphen:
# `time_limit.statutory_missed` is `time_limit-statutory_missed`. `{ $name }` is a named argument
# the code gives: times come written for this language, limits (`$limit` and the like) through the
# `unit-*` messages below. A bureau may override any message in a file of its own (the same id,
# only the arguments of the shipped message); what it does not override reads as here.

## Units of a time limit

unit-workdays = { $n ->
        [one] 1 workday
       *[other] { $n } workdays
    }
unit-natural_days = { $n ->
        [one] 1 natural day
       *[other] { $n } natural days
    }
unit-work_hours = { $n ->
        [one] 1 work hour
       *[other] { $n } work hours
    }
unit-months = { $n ->
        [one] 1 month
       *[other] { $n } months
    }
unit-on_the_spot = on the spot
unit-none = no statutory limit

## Severities, supervision levels, outcomes, approvers

severity-ordinary = ordinary
severity-serious = serious
severity-very_serious = very serious
level-normal = normal
level-reminder = reminder
level-yellow = yellow card
level-red = red card
outcome-early = early
outcome-on_time = on time
outcome-late = late
authority-handler = handler
authority-unit_head = unit head
authority-supervising_leader = supervising leader
authority-agency_head = agency head
authority-government_head = head of the government

## Accountability: responsibilities, measures

proposal-repeat = { $source } repeats { $prior } ({ $prior_at }) within { $months } months: proposed { $proposed } instead of { $severity } (repeat rule, at most { $cap })
responsibility-direct = direct
responsibility-main_leadership = main leadership
responsibility-important_leadership = important leadership
measure-admonition = admonition
measure-written_self_criticism = written self-criticism
measure-circulated_criticism = circulated criticism
measure-reassignment = reassignment
measure-warning = warning
measure-demerit = demerit
measure-major_demerit = major demerit
measure-demotion = demotion
measure-removal = removal from post
measure-dismissal = dismissal

## Assessment: categories, metrics, the basis of a line

category-time_limits = time limits
category-first_inquiry = first inquiry and one-time notice
category-disclosure = disclosure
category-conduct = conduct
category-complaints = complaints
category-campaign = the campaign
category-inspection = inspections
category-metrics = metrics
category-bonus = bonus
category-other = other
rule-cap = cap
metric-on_time_rate = on-time rate
metric-on_the_spot_rate = on-the-spot share
metric-early_rate = early rate
line-inspection = inspection of { $date }: { $notes }
line-bonus_inspection = inspection of { $date } found the work done well
line-metric = { $metric } { $value }% is below the target { $target }% ({ $concluded } concluded)
line-bonus_commendation = commended: { $reason }
line-cap_category = { $category } can cost at most { $cap } points; { $lost } were deducted
line-cap_total = the total is capped at { $cap }

## Complaint channels, whereabouts

channel-hotline = hotline
channel-web = web
channel-letter = letter
status-at_post = at post
status-away = away
status-meeting = meeting
status-business_trip = business trip
status-out_on_business = out on business
status-leave = leave

## Why a case has its supervision level (case statuses and cards)

reason-past_statutory_due = past the statutory due { $due }
reason-past_promised_due = past the promised due { $due }
reason-promised_due_near = the promised due { $due } is near
reason-fault = { $severity } fault: { $text }
reason-convention_a_red = past the promised due { $due } (convention A)
reason-convention_a_yellow = { $left } of { $total } left before the promised due { $due } (convention A: yellow from { $share }% used or { $days_left } left)

## Faults of a case (case/findings/ and the deadline clock)

inquiry-not_handled = the inquiry of { $asked } was not answered, recorded, handed over or guided by { $due }
referral-not_followed_up = { $by } referred the request to { $to } at { $at }; no reply or action by { $due } ({ $limit })
reception-refused = { $by } refused to receive the application
supplement-repeated = a further supplement request at { $at }: everything missing must be named once (first notice { $first })
supplement-late_notice = the one-time notice ({ $notice }) came more than { $within } workdays after receipt ({ $received }); the case counts as accepted on receipt (行政许可法 Art. 32)
step-overdue = step { $step_name } ({ $limit }) started { $started } was due { $due }
time_limit-promised_missed = promised limit ({ $limit }) ran out at { $due }
time_limit-statutory_missed = statutory limit ({ $limit }) ran out at { $due }
extension-requested_late = extension requested at { $asked }, after the statutory due { $due }
extension-not_approved = { $state ->
        [late] extension approved at { $approved }, after the statutory due { $due }
       *[missing] extension requested at { $asked } was not approved by the statutory due { $due }
    }
extension-unauthorized_approver = extension approved by the { $by }{ $by_unit ->
        [none] {""}
       *[other] {" "}of { $by_unit }
    } at { $at }; the item requires the { $required }{ $required_unit ->
        [none] {""}
       *[other] {" "}of { $required_unit }
    }
extension-over_cap = extension of { $amount } asked; the item allows at most { $max }
extension-too_many = extension requested at { $asked }, but the item allows { $max_count } extension(s)
extension-applicant_not_notified = { $state ->
        [late] applicant told of the extension at { $told }, after the original due { $due }
       *[missing] the applicant was not told of the extension before the original due { $due }
    }
procedure-overrun = { $procedure } ran beyond its own limit ({ $limit }, to { $cap }); the time after counts toward the case's limit
publication-late = the result of { $decision } ({ $decided }) was not published by { $due } ({ $limit } after the decision)
urgent-missed = marked urgent at { $marked }: not concluded by { $due } ({ $limit } from { $from })
due_date-not_told = accepted at { $accepted }: the applicant was not told the due date by { $due } ({ $limit })

## Faults of a period: complaints, ratings, whereabouts, the register of published decisions

complaint-acceptance_late = complaint { $complaint } received { $received } was not decided on by { $due }
complaint-transfer_late = complaint { $complaint } accepted { $accepted } was not handed to the unit concerned by { $due }
complaint-investigation_late = complaint { $complaint } accepted { $accepted } was not investigated by { $due }
complaint-reply_late = complaint { $complaint } accepted { $accepted } was not answered by { $due }
complaint-substantiated = complaint { $complaint } ({ $channel }) found substantiated: { $summary }
complaint-partly_substantiated = complaint { $complaint } ({ $channel }) found partly substantiated: { $summary }
rating-call_back_missed = bad rating { $rating } ({ $score } of 5) at { $at }{ $named ->
        [yes] , named,
       *[no] {""}
    } was not called back by { $due }
rating-follow_up_missed = bad rating { $rating } ({ $score } of 5) at { $at }{ $named ->
        [yes] , named,
       *[no] {""}
    } was not called back and fixed by { $due }
whereabouts-absence_uncovered = absent { $from } to { $until } with { $minutes } min not covered by a whereabouts entry (an absence of { $threshold } min or more must be posted)
conduct-incident = { $rule } ({ $rule_zh }): { $description }
whereabouts-posted_late = the { $status } entry from { $from } was posted at { $posted }, after it began
whereabouts-no_acting = the unit head is away ({ $status }) from { $from } to { $until } with no acting person
whereabouts-away_too_long = 暂离 { $from } to { $until } is { $minutes } min (at most { $max } min; a longer absence is posted with its real status)
publication-revision_late = { $state ->
        [revoked] decision { $decision } was revoked but its publication was not withdrawn by { $due }
       *[changed] decision { $decision } was changed but its publication was not corrected by { $due }
    }
publication-unmasked = decision { $decision } went online at { $at } with no masking profile recorded
publication-display_overrun = decision { $decision } was still on display after its display period ended at { $until }

## The campaign and self-inspection

campaign-task_late = { $task } ({ $deliverable }) handed in { $submitted } after its due day { $due }
campaign-task_missing = { $task } ({ $deliverable }) due { $due } was not handed in
self_inspection-measure_overdue = measure "{ $measure }" for "{ $problem }" was due { $due }

## Explaining a card

explain-head = { $limit }{ $extended ->
        [yes] {" "}+ { $extension } extension
       *[no] {""}
    } from { $from } -> due { $due }
card-head = card { $card } ({ $level }, { $source }) for case { $case }, raised at { $raised }
card-rule = rule: { $text }
card-evidence = evidence { $id }: { $event } at { $at } by { $actor }
card-reply_due = reply due (督办 ladder): { $due }
card-escalated = escalated to { $to } at { $at }: no reply by the due
escalation-red = red
escalation-leadership = the leadership group
source-clock = time limit
source-step = internal step
source-fault = fault

## Where a fault comes from (kinds of record)

record-case = case
record-conduct = conduct record
record-complaint = complaint
record-rating = rating
record-campaign = campaign task
record-self-inspection = self-inspection form
record-absence = absence
record-whereabouts = whereabouts entry
record-publication = publication

## Case events

event-inquiry = inquiry
event-answer = answer
event-receive = receipt
event-supplement_request = one-time supplement notice
event-supplement_received = supplement received
event-accept = acceptance
event-reject = rejection
event-refuse_reception = refusal to receive
event-refer = referral
event-reply = reply to a referral
event-guide_outside = guided elsewhere
event-step_started = step started
event-step_finished = step finished
event-suspend = special procedure (clock stopped)
event-resume = clock resumed
event-extension_requested = extension requested
event-extension_approved = extension approved
event-applicant_notified = applicant told of the extension
event-conclude = conclusion
event-result_published = result published
event-mark_urgent = marked urgent
event-due_told = due date told
event-withdrawn = withdrawn

## Case stages, clock states

stage-new = new
stage-inquired = inquired
stage-received = received
stage-awaiting_supplement = awaiting supplement
stage-accepted = accepted
stage-concluded = concluded
stage-rejected = rejected
stage-refused = refused
stage-guided_out = guided out
stage-withdrawn = withdrawn
state-running = running
state-suspended = suspended
state-concluded = concluded

## Grades, and what a measure does to the annual grade

grade-excellent = excellent
grade-good = good
grade-qualified = qualified
grade-unqualified = unqualified
effect-not_excellent = not excellent in the year's appraisal
effect-not_competent_or_above = not competent or above in the year's appraisal
effect-dismissed = dismissed
