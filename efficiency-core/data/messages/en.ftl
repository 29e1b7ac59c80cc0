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

## Errors (what a bureau meets loading its files)

error-argument-wrong_type = An argument of the wrong type (a number where text was expected, …)
error-argument-missing = A required argument or field is missing (null, None, undefined)
error-argument-not_whole = A count, amount, year or seed that is fractional, NaN or infinite
error-argument-out_of_range = A whole number outside the range the argument allows
error-argument-invalid_choice = A name that is not one of the allowed choices
error-argument-length_mismatch = Batch columns of different lengths
error-argument-invalid = An argument that cannot be used, for the reason given
error-argument-too_deep = An argument nested deeper than 100 levels, or containing itself
error-argument-too_large = A document over the size limit (limits::MAX_DOCUMENT_BYTES, 64 MiB)
error-calendar-invalid_date = Not a real YYYY-MM-DD date
error-calendar-year_not_covered = A date in a year without holiday data
error-calendar-invalid_argument = A calendar argument out of range
error-calendar-out_of_range = A result outside years 1-9999
error-calendar-explanation_too_long = An explanation that would list more days than the documented maximum (MAX_EXPLAINED_DAYS)
error-calendar-invalid_data = Calendar or overlay data that is malformed or contradicts itself
error-calendar-overlay_conflict = An overlay that contradicts the national data
error-clock-invalid_time = Not a time YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]
error-clock-explanation_too_long = An explanation that would list more days than the documented maximum (MAX_EXPLAINED_DAYS)
error-clock-time_goes_backwards = A clock event earlier than the one before
error-clock-before_acceptance = A clock event before the acceptance
error-clock-already_suspended = A suspension while suspended
error-clock-resume_without_suspension = A resumption without a suspension
error-clock-after_conclusion = A clock event after the conclusion
error-clock-no_pending_extension = An extension approval or notice without a request
error-clock-already_approved = A second approval of one extension
error-clock-already_notified = A second notice of one extension
error-clock-invalid_amount = An amount that makes no sense for its unit
error-clock-suspended_at_conclusion = A conclusion while suspended
error-clock-invalid_supplement = A supplement notice that is impossible
error-clock-promised_exceeds_statutory = A promised limit longer than the statutory one
error-clock-no_limit = No limit ("none") where a period is needed: a promise, or a statute without a promise
error-clock-unknown_authority = An approver role that does not exist
error-clock-unknown_unit = A time unit that does not exist
error-messages-syntax = A message file that is not valid Fluent (names the file and the line)
error-messages-unknown_code = A message for a code the catalogue does not have
error-messages-unknown_argument = A message naming an argument its code does not give
error-clock-invalid_office_hours = Office hours that overlap or are out of order
error-clock-invalid_settings = A bureau's settings document (settings.json) that cannot be used; the field is named
error-clock-invalid_item = A service item or catalogue that is malformed
error-clock-unknown_procedure = A special procedure the item does not list
error-clock-procedure_counts = A special procedure whose time counts toward the limit
error-case-malformed_line = A JSON Lines row that is not JSON
error-case-invalid_event = An event with missing or wrong fields
error-case-duplicate_event_id = An event id seen before in the case
error-case-time_goes_backwards = An event earlier than the one before
error-case-wrong_case = An event of another case
error-case-unknown_actor = An actor the roster does not have
error-case-unknown_item = An item the catalogue does not have
error-case-unknown_step = A step the item does not have
error-case-step_already_started = A step started twice
error-case-step_not_started = A step finished before it started
error-case-impossible_transition = An event impossible at the case's stage
error-case-not_referred = A reply without a referral
error-case-unsorted_input = Rows not sorted by case id
error-case-invalid_rules = Finding rules that are malformed
error-case-too_many_events = A case with more events than MAX_EVENTS_PER_CASE (100,000)
error-case-line_too_long = A case log line (one event) over limits::MAX_LINE_BYTES (1 MiB)
error-org-invalid_json = Organisation data that is not JSON of the format
error-org-wrong_format = A document of another format
error-org-empty_id = An empty id
error-org-duplicate_id = Two people or units with one id
error-org-unknown_person = A person the organisation does not have
error-org-unknown_unit = A unit the organisation does not have
error-org-not_principal = The principal leader named is not in that position
error-org-second_principal = A second principal leader
error-org-missing_unit = Staff or a unit head without a unit
error-org-person_in_window = A person placed in a window instead of its unit
error-org-missing_head = A unit without a head
error-org-missing_supervising_leader = A unit without a supervising leader
error-org-wrong_position = A person in a role their position does not allow
error-org-missing_parent = A window without the unit it belongs to
error-org-window_head_elsewhere = A window headed by someone from another unit
error-org-incompatible_positions = One person heading two units
error-org-cycle = Units whose parents form a cycle
error-org-too_large = An organisation with more units or people than MAX_ORGANISATION_ENTRIES (1,000,000)
error-accountability-invalid_rules = Accountability rules that are malformed
error-accountability-invalid_fault = A fault that cannot be judged (unknown code, unit, …)
error-activity-invalid = Conduct, complaint or rating data that is malformed
error-assessment-invalid_rules = Assessment rules that are malformed
error-assessment-invalid_input = Scoring input that is malformed
error-campaign-invalid_plan = A campaign plan that is malformed
error-campaign-invalid_input = Submissions or forms that are malformed
error-review-invalid = A review request that cannot be met
error-mask-invalid_policy = A masking policy that does not load (format, marker, profiles)
error-mask-unknown_profile = A masking profile the policy does not have
error-mask-invalid_record = A record field whose kind is not a personal-data kind, official, text or other
error-supervision-invalid_rules = Supervision rules that do not load (format, convention, share)
error-supervision-invalid_action = An action on a supervision card that names no card, comes before it or lacks a remark
error-supervision-unknown_card = A card id the cases do not have at the moment asked
error-guide-invalid = A service-guide catalogue that does not load (format, a required field empty, a duplicate)
error-guide-invalid_code = An item's catalogue code the code scheme refuses
error-guide-fee_unstated = Fees neither stated as free nor listed
error-guide-fee_basis_missing = A fee without its standard or its basis
error-guide-catch_all_condition = A catch-all condition (其他条件) in a guide
error-guide-catch_all_material = A guide material that is a catch-all (其他材料…): every material is named once
error-guide-special_procedure_time_missing = A published special procedure that does not state its time
error-guide-unknown_item = An item code the catalogue does not have
error-report-workbook = A workbook that cannot be written (a sheet over Excel's limits)

## Fields of a published record (by kind of data)

field-id_number = ID number
field-bank_card = bank card
field-mobile = mobile
field-landline = telephone
field-plate = number plate
field-email = e-mail
field-name = name
field-address = address
field-health = health data
field-official = official
field-text = content
field-other = other
