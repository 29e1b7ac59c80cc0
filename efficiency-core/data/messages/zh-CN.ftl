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

## 错误（加载本单位文件等时遇到的问题）

error-argument-wrong_type = 参数类型不对（例如应填文字处填了数字）
error-argument-missing = 缺少必填的参数或字段
error-argument-not_whole = 数量、年份或编号应为整数
error-argument-out_of_range = 数值超出允许范围
error-argument-invalid_choice = 填写的选项不在可选范围内
error-argument-length_mismatch = 批量数据各列的行数不一致
error-argument-invalid = 参数无法使用
error-argument-too_deep = 数据嵌套层级过深（超过100层）或自我引用
error-argument-too_large = 文件超过大小上限（64 MiB）
error-calendar-invalid_date = 日期无效，应写作“年-月-日”（如2026-10-08）
error-calendar-year_not_covered = 日历缺少所涉年度的节假日数据（请补充当年的放假安排）
error-calendar-invalid_argument = 日历参数超出范围
error-calendar-out_of_range = 计算结果超出公元1年至9999年
error-calendar-explanation_too_long = 需要说明的日期过多，超出上限
error-calendar-invalid_data = 日历数据格式有误或前后矛盾
error-calendar-overlay_conflict = 本地日历调整与国家放假安排相矛盾
error-clock-invalid_time = 时间无效，应写作“年-月-日 时:分”（如2026-10-08 09:30）
error-clock-explanation_too_long = 需要说明的日期过多，超出上限
error-clock-time_goes_backwards = 计时事件的时间早于前一事件
error-clock-before_acceptance = 计时事件早于受理时间
error-clock-already_suspended = 已处于中止计时状态，不能再次中止
error-clock-resume_without_suspension = 未中止计时，不能恢复计时
error-clock-after_conclusion = 办结之后不能再有计时事件
error-clock-no_pending_extension = 没有延期申请，不能批准延期或告知延期
error-clock-already_approved = 同一延期申请已经批准过
error-clock-already_notified = 同一延期已经告知过申请人
error-clock-invalid_amount = 时限数值与单位不相符
error-clock-suspended_at_conclusion = 中止计时期间不能办结
error-clock-invalid_supplement = 补正告知不成立
error-clock-promised_exceeds_statutory = 承诺时限长于法定时限
error-clock-no_limit = 此处需要具体时限：承诺时限不能为“未规定”，法定时限未规定时须有承诺时限
error-clock-unknown_authority = 审批人的职务类别不存在
error-clock-unknown_unit = 时限单位不存在
error-messages-syntax = 消息文件格式有误（不是有效的 Fluent 文本）
error-messages-unknown_code = 消息文件中有本库不存在的代码
error-messages-unknown_argument = 消息使用了该代码不提供的参数
error-clock-invalid_office_hours = 办公时间重叠或先后颠倒
error-clock-invalid_settings = 本单位设置文件（settings.json）无法使用
error-clock-invalid_item = 服务事项或事项目录格式有误
error-clock-unknown_procedure = 该事项没有这一特别程序
error-clock-procedure_counts = 该特别程序的时间计入办理时限，不能中止计时
error-case-malformed_line = 办件记录中有一行不是有效的 JSON
error-case-invalid_event = 办件事件缺少字段或字段有误
error-case-duplicate_event_id = 同一办件中事件编号重复
error-case-time_goes_backwards = 办件事件的时间早于前一事件
error-case-wrong_case = 事件属于另一个办件
error-case-unknown_actor = 人员名册中没有这名经办人
error-case-unknown_item = 事项目录中没有这一事项
error-case-unknown_step = 该事项没有这一办理环节
error-case-step_already_started = 办理环节已经开始过
error-case-step_not_started = 办理环节尚未开始就已完成
error-case-impossible_transition = 办件当前阶段不能发生此事件
error-case-not_referred = 没有转办，不能回复转办
error-case-unsorted_input = 记录未按办件编号排序
error-case-invalid_rules = 过错判定规则格式有误
error-case-too_many_events = 一个办件的事件超过上限（100,000条）
error-case-line_too_long = 办件记录中有一行超过上限（1 MiB）
error-org-invalid_json = 组织机构数据不是有效的 JSON
error-org-wrong_format = 文件格式不对（不是要求的文件类型）
error-org-empty_id = 编号为空
error-org-duplicate_id = 人员或单位编号重复
error-org-unknown_person = 组织机构中没有这名人员
error-org-unknown_unit = 组织机构中没有这个单位
error-org-not_principal = 所填的主要负责人不在该职务上
error-org-second_principal = 主要负责人只能有一名
error-org-missing_unit = 工作人员或单位负责人未填所在单位
error-org-person_in_window = 人员应归属所在单位，不能直接归属窗口
error-org-missing_head = 单位未填负责人
error-org-missing_supervising_leader = 单位未填分管领导
error-org-wrong_position = 人员的职务不能担任此角色
error-org-missing_parent = 窗口未填所属单位
error-org-window_head_elsewhere = 窗口负责人来自其他单位
error-org-incompatible_positions = 同一人不能同时担任两个单位的负责人
error-org-cycle = 单位的上下级关系形成循环
error-org-too_large = 单位或人员数量超过上限（1,000,000）
error-accountability-invalid_rules = 责任追究规则格式有误
error-accountability-invalid_fault = 过错记录无法判定（代码、单位等有误）
error-activity-invalid = 行为、投诉或评议记录格式有误
error-assessment-invalid_rules = 考核规则格式有误
error-assessment-invalid_input = 考核数据格式有误
error-campaign-invalid_plan = 活动方案格式有误
error-campaign-invalid_input = 报送材料或自查表格式有误
error-review-invalid = 无法按此要求进行年度考核
error-mask-invalid_policy = 脱敏规则无法使用（格式、标记或类别有误）
error-mask-unknown_profile = 脱敏规则中没有这一公开类别
error-mask-invalid_record = 记录中字段的类别不是个人信息类别，也不是公务、正文或其他
error-supervision-invalid_rules = 督办规则无法使用（格式、惯例或比例有误）
error-supervision-invalid_action = 督办操作无效：找不到督办卡、早于亮牌或办结时未填说明
error-supervision-unknown_card = 所查时点没有这张督办卡
error-guide-invalid = 服务指南目录无法使用（格式有误、必填项为空或重复）
error-guide-invalid_code = 事项目录编码不符合编码规则
error-guide-fee_unstated = 未说明收费：应写明不收费或列出收费项目
error-guide-fee_basis_missing = 收费项目未写明标准或依据
error-guide-catch_all_condition = 服务指南中有兜底条件（“其他条件”）
error-guide-catch_all_material = 服务指南中有兜底材料（“其他材料”），每项材料都应写明
error-guide-special_procedure_time_missing = 公布的特别程序未写明所需时间
error-guide-unknown_item = 事项目录中没有这一事项编码
error-report-workbook = 无法生成 Excel 工作簿

## 公开记录的字段（按个人信息类别）

field-id_number = 身份证号码
field-bank_card = 银行卡号
field-mobile = 手机号码
field-landline = 固定电话
field-plate = 机动车号牌
field-email = 电子邮箱
field-name = 姓名
field-address = 住址
field-health = 健康信息
field-official = 承办人
field-text = 内容
field-other = 其他
