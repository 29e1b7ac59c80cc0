# 行政效能建设 — 中文消息目录（默认语言）。
#
# 每条消息的 id 是库输出的稳定代码，把点换成连字符：`time_limit.statutory_missed` 的消息是
# `time_limit-statutory_missed`。消息里的 `{ $名称 }` 是代码给出的命名参数：时间已按本语言写好，
# 时限（`$limit` 等）也已按下方 `unit-*` 写好。局里可在自己的文件中覆盖任何一条消息
# （同一 id、只用原消息的参数）；未覆盖的沿用这里的写法。

## 时限单位

unit-workdays = { $n }个工作日
unit-natural_days = { $n }日
unit-work_hours = { $n }个工作小时
unit-months = { $n }个月
unit-on_the_spot = 即时办结
unit-none = 法律法规未规定时限

## 严重程度、督办等级、办结结果、审批权限

severity-ordinary = 一般
severity-serious = 严重
severity-very_serious = 特别严重
level-normal = 正常
level-reminder = 提醒
level-yellow = 黄牌
level-red = 红牌
outcome-early = 提前办结
outcome-on_time = 按时办结
outcome-late = 超期办结
authority-handler = 承办人
authority-unit_head = 科室负责人
authority-supervising_leader = 分管领导
authority-agency_head = 机关主要负责人
authority-government_head = 本级人民政府负责人

## 问责：责任类型、处理措施

proposal-repeat = { $source }与{ $prior }（{ $prior_at }）在{ $months }个月内重复发生：拟按“{ $proposed }”处理，而非“{ $severity }”（重复发生规则，最高“{ $cap }”）
responsibility-direct = 直接责任
responsibility-main_leadership = 主要领导责任
responsibility-important_leadership = 重要领导责任
measure-admonition = 批评教育
measure-written_self_criticism = 书面检查
measure-circulated_criticism = 通报批评
measure-reassignment = 调离岗位
measure-warning = 警告
measure-demerit = 记过
measure-major_demerit = 记大过
measure-demotion = 降级
measure-removal = 撤职
measure-dismissal = 开除

## 考核：类别、指标、得分依据

category-time_limits = 办理时限
category-first_inquiry = 首问负责与一次性告知
category-disclosure = 政务公开
category-conduct = 工作纪律
category-complaints = 投诉处理
category-campaign = 专项活动
category-inspection = 督查检查
category-metrics = 效能指标
category-bonus = 加分
category-other = 其他
rule-cap = 扣分封顶
metric-on_time_rate = 按时办结率
metric-on_the_spot_rate = 即办件比例
metric-early_rate = 提前办结率
line-inspection = { $date }督查检查：{ $notes }
line-bonus_inspection = { $date }督查检查，工作成效良好
line-metric = { $metric }为{ $value }%，低于目标{ $target }%（办结{ $concluded }件）
line-bonus_commendation = 受到表扬：{ $reason }
line-cap_category = “{ $category }”类最多扣{ $cap }分，实扣{ $lost }分，超出部分不计
line-cap_total = 总分以{ $cap }分封顶

## 投诉渠道、去向状态

channel-hotline = 投诉电话
channel-web = 网上投诉
channel-letter = 来信
status-at_post = 在岗
status-away = 暂离
status-meeting = 开会
status-business_trip = 出差
status-out_on_business = 外出办事
status-leave = 请假

## 督办等级的依据（办件状态与督办卡）

reason-past_statutory_due = 超过法定期限{ $due }
reason-past_promised_due = 超过承诺期限{ $due }
reason-promised_due_near = 承诺期限{ $due }临近
reason-fault = { $severity }问题：{ $text }
reason-convention_a_red = 超过承诺期限{ $due }（惯例A）
reason-convention_a_yellow = 距承诺期限{ $due }仅剩{ $left }（共{ $total }；惯例A：已用{ $share }%或仅剩{ $days_left }即亮黄牌）

## 办件过程中的问题（case/findings/ 与时限钟）

inquiry-not_handled = { $asked }的咨询未在{ $due }前答复、登记、转交或引导
referral-not_followed_up = { $by }于{ $at }将事项转交{ $to }，至{ $due }（{ $limit }）未获回复或办理
reception-refused = { $by }拒收申请材料
supplement-repeated = { $at }再次要求补正材料：应一次性告知全部需补正内容（首次告知于{ $first }）
supplement-late_notice = 一次性告知（{ $notice }）晚于收件（{ $received }）后{ $within }个工作日，视为自收件之日起受理（行政许可法第三十二条）
step-overdue = 内部环节“{ $step_name }”（{ $limit }）自{ $started }开始，应于{ $due }前完成
time_limit-promised_missed = 承诺时限（{ $limit }）已于{ $due }届满，未办结
time_limit-statutory_missed = 法定时限（{ $limit }）已于{ $due }届满，未办结
extension-requested_late = 延期申请于{ $asked }提出，已晚于法定期限{ $due }
extension-not_approved = { $state ->
        [late] 延期于{ $approved }才获批准，已晚于法定期限{ $due }
       *[missing] { $asked }提出的延期申请至法定期限{ $due }未获批准
    }
extension-unauthorized_approver = 延期由{ $by_unit ->
        [none] {""}
       *[other] { $by_unit }
    }{ $by }于{ $at }批准，依规应由{ $required_unit ->
        [none] {""}
       *[other] { $required_unit }
    }{ $required }批准
extension-over_cap = 申请延期{ $amount }，超过本事项最多可延长的{ $max }
extension-too_many = { $asked }再次申请延期，本事项最多可延期{ $max_count }次
extension-applicant_not_notified = { $state ->
        [late] 于{ $told }才将延期告知申请人，已晚于原定期限{ $due }
       *[missing] 原定期限{ $due }前未将延期告知申请人
    }
procedure-overrun = 特别程序“{ $procedure }”超出其自身时限（{ $limit }，至{ $cap }），超出部分计入办理时限
publication-late = { $decision }（{ $decided }作出）的结果未在{ $due }前公开（作出后{ $limit }内）
urgent-missed = { $marked }标记为急件：未在{ $due }前办结（自{ $from }起{ $limit }）
due_date-not_told = { $accepted }受理：至{ $due }（{ $limit }）未告知申请人办结时间

## 一个时期的问题：投诉、评价、去向公示、公开登记

complaint-acceptance_late = 投诉{ $complaint }于{ $received }收到，至{ $due }未作出是否受理的决定
complaint-transfer_late = 投诉{ $complaint }于{ $accepted }受理，至{ $due }未转交被投诉单位
complaint-investigation_late = 投诉{ $complaint }于{ $accepted }受理，至{ $due }未完成调查核实
complaint-reply_late = 投诉{ $complaint }于{ $accepted }受理，至{ $due }未答复投诉人
complaint-substantiated = 投诉{ $complaint }（{ $channel }）经查属实：{ $summary }
complaint-partly_substantiated = 投诉{ $complaint }（{ $channel }）经查部分属实：{ $summary }
rating-call_back_missed = 差评{ $rating }（{ $score }分，{ $at }{ $named ->
        [yes] ，实名
       *[no] {""}
    }）至{ $due }未回访
rating-follow_up_missed = 差评{ $rating }（{ $score }分，{ $at }{ $named ->
        [yes] ，实名
       *[no] {""}
    }）至{ $due }未回访整改
whereabouts-absence_uncovered = { $from }至{ $until }离岗，其中{ $minutes }分钟未公示去向（离岗{ $threshold }分钟以上须公示）
conduct-incident = { $rule_zh }：{ $description }
whereabouts-posted_late = { $status }（自{ $from }起）于{ $posted }才公示，晚于开始时间
whereabouts-no_acting = 单位负责人{ $status }（{ $from }至{ $until }），未明确代理人
whereabouts-away_too_long = 暂离{ $from }至{ $until }共{ $minutes }分钟（最长{ $max }分钟；更长的离岗应按实际去向公示）
publication-revision_late = { $state ->
        [revoked] 决定{ $decision }已撤销，其公开内容至{ $due }未撤下
       *[changed] 决定{ $decision }已变更，其公开内容至{ $due }未更正
    }
publication-unmasked = 决定{ $decision }于{ $at }公开时未记录脱敏规则
publication-display_overrun = 决定{ $decision }的公示期已于{ $until }届满，仍在公示

## 专项活动与自查自纠

campaign-task_late = 任务“{ $task }”（{ $deliverable }）应于{ $due }报送，实际于{ $submitted }报送
campaign-task_missing = 任务“{ $task }”（{ $deliverable }）应于{ $due }报送，至今未报送
self_inspection-measure_overdue = 自查问题“{ $problem }”的整改措施“{ $measure }”应于{ $due }前完成，未按期完成

## 督办卡的说明

explain-head = { $limit }{ $extended ->
        [yes] （另延期{ $extension }）
       *[no] {""}
    }，自{ $from }起算，{ $due }届满
card-head = 督办卡{ $card }（{ $level }，{ $source }）：案件{ $case }，{ $raised }亮牌
card-rule = 依据：{ $text }
card-evidence = 证据{ $id }：{ $at } { $actor }{ $event }
card-reply_due = 回复期限（督办）：{ $due }
card-escalated = { $at }到期未回复，升级至{ $to }
escalation-red = 红牌
escalation-leadership = 领导小组
source-clock = 办理时限
source-step = 内部环节
source-fault = 过错

## 过错的来源（记录类别）

record-case = 办件
record-conduct = 行为记录
record-complaint = 投诉
record-rating = 评议
record-campaign = 活动任务
record-self-inspection = 自查表
record-absence = 离岗记录
record-whereabouts = 去向公示
record-publication = 公开事项

## 办件事件

event-inquiry = 咨询
event-answer = 答复
event-receive = 收件
event-supplement_request = 一次性告知补正
event-supplement_received = 收到补正材料
event-accept = 受理
event-reject = 不予受理
event-refuse_reception = 拒收
event-refer = 转办
event-reply = 转办回复
event-guide_outside = 引导至他处办理
event-step_started = 环节开始
event-step_finished = 环节完成
event-suspend = 进入特别程序（中止计时）
event-resume = 恢复计时
event-extension_requested = 申请延期
event-extension_approved = 批准延期
event-applicant_notified = 告知申请人延期
event-conclude = 办结
event-result_published = 结果公开
event-mark_urgent = 标记急件
event-due_told = 告知办结时间
event-withdrawn = 撤回申请

## 办件阶段、时限钟状态

stage-new = 新建
stage-inquired = 已咨询
stage-received = 已收件
stage-awaiting_supplement = 待补正
stage-accepted = 已受理
stage-concluded = 已办结
stage-rejected = 不予受理
stage-refused = 已拒收
stage-guided_out = 已引导他处
stage-withdrawn = 已撤回
state-running = 计时中
state-suspended = 已中止
state-concluded = 已办结

## 考核等次与处分对年度考核的影响

grade-excellent = 优秀
grade-good = 良好
grade-qualified = 合格
grade-unqualified = 不合格
effect-not_excellent = 当年年度考核不得评为优秀
effect-not_competent_or_above = 当年年度考核不得评为称职以上等次
effect-dismissed = 解除人事关系
