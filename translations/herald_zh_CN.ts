<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AudienceText</name>
    <message>
        <source>Days since last engagement</source>
        <translation>距上次互动天数</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Share of likes</source>
        <translation>点赞占比</translation>
    </message>
    <message>
        <source>Share of replies</source>
        <translation>回复占比</translation>
    </message>
    <message>
        <source>Share of reposts and quotes</source>
        <translation>转发与引用占比</translation>
    </message>
    <message>
        <source>Share of clicks</source>
        <translation>点击占比</translation>
    </message>
    <message>
        <source>Active hours (share per day part)</source>
        <translation>活跃时段（各时段占比）</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <source>Follower count</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <source>Days since following</source>
        <translation>关注天数</translation>
    </message>
    <message>
        <source>night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <source>morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>evening</source>
        <translation>晚上</translation>
    </message>
    <message>
        <source>Active hours: %1</source>
        <translation>活跃时段：%1</translation>
    </message>
    <message>
        <source>Language: %1</source>
        <translation>语言：%1</translation>
    </message>
    <message>
        <source>Country: %1</source>
        <translation>国家/地区：%1</translation>
    </message>
    <message>
        <source>Interest: %1</source>
        <translation>兴趣：%1</translation>
    </message>
    <message>
        <source>last engaged %1 days ago on average (%2 for everyone)</source>
        <translation>平均 %1 天前最后一次互动（全体为 %2 天）</translation>
    </message>
    <message>
        <source>engages %1 as often as average</source>
        <translation>互动频率是平均水平的 %1</translation>
    </message>
    <message>
        <source>engages %1% less than average</source>
        <translation>互动比平均水平少 %1%</translation>
    </message>
    <message>
        <source>likes %1 more than average</source>
        <translation>点赞是平均水平的 %1</translation>
    </message>
    <message>
        <source>likes %1% less than average</source>
        <translation>点赞比平均水平少 %1%</translation>
    </message>
    <message>
        <source>replies %1 more than average</source>
        <translation>回复是平均水平的 %1</translation>
    </message>
    <message>
        <source>replies %1% less than average</source>
        <translation>回复比平均水平少 %1%</translation>
    </message>
    <message>
        <source>reposts %1 more than average</source>
        <translation>转发是平均水平的 %1</translation>
    </message>
    <message>
        <source>reposts %1% less than average</source>
        <translation>转发比平均水平少 %1%</translation>
    </message>
    <message>
        <source>clicks %1 more than average</source>
        <translation>点击是平均水平的 %1</translation>
    </message>
    <message>
        <source>clicks %1% less than average</source>
        <translation>点击比平均水平少 %1%</translation>
    </message>
    <message>
        <source>has %1 the average follower count</source>
        <translation>粉丝数是平均水平的 %1</translation>
    </message>
    <message>
        <source>has %1% fewer followers than average</source>
        <translation>粉丝数比平均水平少 %1%</translation>
    </message>
    <message>
        <source>has followed for %1 days on average (%2 for everyone)</source>
        <translation>平均已关注 %1 天（全体为 %2 天）</translation>
    </message>
    <message>
        <source>%1 of engagements in the %2 (%3 overall)</source>
        <translation>%1 的互动发生在%2（全体为 %3）</translation>
    </message>
    <message>
        <source>none speak %1 (%2 overall)</source>
        <translation>无人使用%1（全体为 %2）</translation>
    </message>
    <message>
        <source>%1 speak %2 (%3 overall)</source>
        <translation>%1 使用%2（全体为 %3）</translation>
    </message>
    <message>
        <source>none in %1 (%2 overall)</source>
        <translation>无人位于%1（全体为 %2）</translation>
    </message>
    <message>
        <source>%1 in %2 (%3 overall)</source>
        <translation>%1 位于%2（全体为 %3）</translation>
    </message>
    <message>
        <source>none interested in %1 (%2 overall)</source>
        <translation>无人对 %1 感兴趣（全体为 %2）</translation>
    </message>
    <message>
        <source>%1 interested in %2 (%3 overall)</source>
        <translation>%1 对 %2 感兴趣（全体为 %3）</translation>
    </message>
    <message>
        <source>close to the audience average on every chosen feature</source>
        <translation>所选各项特征均接近受众平均水平</translation>
    </message>
    <message>
        <source>no engagement recorded</source>
        <translation>没有互动记录</translation>
    </message>
    <message>
        <source>active throughout the day</source>
        <translation>全天均有活跃</translation>
    </message>
    <message>
        <source>mostly active at night</source>
        <translation>主要在夜间活跃</translation>
    </message>
    <message>
        <source>mostly active in the morning</source>
        <translation>主要在上午活跃</translation>
    </message>
    <message>
        <source>mostly active in the afternoon</source>
        <translation>主要在下午活跃</translation>
    </message>
    <message>
        <source>mostly active in the evening</source>
        <translation>主要在晚上活跃</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>细分群体 %1</translation>
    </message>
</context>
<context>
    <name>CalendarText</name>
    <message>
        <source>Cancel post</source>
        <translation>取消帖子</translation>
    </message>
    <message>
        <source>Duplicate post</source>
        <translation>复制帖子</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已排期</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布中</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ComposerText</name>
    <message>
        <source>Select at least one account to publish to.</source>
        <translation>请至少选择一个要发布到的账号。</translation>
    </message>
    <message>
        <source>%1: this account no longer exists.</source>
        <translation>%1：该账号已不存在。</translation>
    </message>
    <message>
        <source>%1: the account is disabled or must be reconnected in the Accounts panel.</source>
        <translation>%1：该账号已停用，或需要在“账号”面板中重新连接。</translation>
    </message>
    <message>
        <source>%1: Herald cannot publish to this network (its data comes from CSV imports).</source>
        <translation>%1：Herald 无法发布到此网络（其数据来自 CSV 导入）。</translation>
    </message>
    <message>
        <source>%1: there is neither text nor media to publish.</source>
        <translation>%1：没有可发布的文本或媒体。</translation>
    </message>
    <message>
        <source>%1: the text is over the network's limit (%2).</source>
        <translation>%1：文本超出该网络的字数限制（%2）。</translation>
    </message>
    <message>
        <source>Media %1 is missing or was changed (%2).</source>
        <translation>媒体 %1 缺失或已被更改（%2）。</translation>
    </message>
    <message>
        <source>%1 does not accept media %2 (%3).</source>
        <translation>%1 不接受媒体 %2（%3）。</translation>
    </message>
    <message>
        <source>%1: too many media files or a mix it refuses (%2).</source>
        <translation>%1：媒体文件过多，或包含不允许的组合（%2）。</translation>
    </message>
    <message>
        <source>%1: media %2 is too large (%3).</source>
        <translation>%1：媒体 %2 过大（%3）。</translation>
    </message>
    <message>
        <source>Image %1 has no alt text.</source>
        <translation>图片 %1 没有替代文本。</translation>
    </message>
    <message>
        <source>The scheduled time is in the past.</source>
        <translation>定时时间已经过去。</translation>
    </message>
    <message>
        <source>%1 does not support threads.</source>
        <translation>%1 不支持串文。</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <source>The file or item could not be found.</source>
        <translation>找不到该文件或项目。</translation>
    </message>
    <message>
        <source>The workspace file could not be read or written.</source>
        <translation>无法读取或写入工作区文件。</translation>
    </message>
    <message>
        <source>This file is not a Herald workspace.</source>
        <translation>此文件不是 Herald 工作区。</translation>
    </message>
    <message>
        <source>This workspace was saved by a newer version of Herald. Update Herald to open it; the file was not changed.</source>
        <translation>此工作区由更新版本的 Herald 保存。请更新 Herald 后再打开；文件未被修改。</translation>
    </message>
    <message>
        <source>Herald cannot write to this location. Copy the workspace to a folder you can write to.</source>
        <translation>Herald 无法写入此位置。请将工作区复制到可写入的文件夹。</translation>
    </message>
    <message>
        <source>The data is malformed.</source>
        <translation>数据格式有误。</translation>
    </message>
    <message>
        <source>The network could not be reached.</source>
        <translation>无法连接网络。</translation>
    </message>
    <message>
        <source>The request timed out.</source>
        <translation>请求超时。</translation>
    </message>
    <message>
        <source>The platform asked Herald to slow down.</source>
        <translation>平台要求 Herald 降低请求频率。</translation>
    </message>
    <message>
        <source>The account needs to be connected again.</source>
        <translation>该账号需要重新连接。</translation>
    </message>
    <message>
        <source>The account lacks a needed permission.</source>
        <translation>该账号缺少所需权限。</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>操作已取消。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现错误。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Campaign report: %1</source>
        <translation>营销活动报告：%1</translation>
    </message>
    <message>
        <source>Social media report</source>
        <translation>社交媒体报告</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <comment>Date format in reports (QDate format string)</comment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注者</translation>
    </message>
    <message>
        <source>Follower growth</source>
        <translation>关注者增长</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>已发布帖子</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Period: %1 (%2)</source>
        <translation>时间段：%1（%2）</translation>
    </message>
    <message>
        <source>Generated by Herald on %1</source>
        <translation>由 Herald 生成于 %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>There are no posts or metrics in this period for the chosen accounts, so this report has nothing to show.</source>
        <translation>所选账号在此时间段内没有帖子或指标，因此本报告没有可展示的内容。</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Compared with the previous period of the same length.</source>
        <translation>与上一个相同长度的时间段对比。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Engagements by day</source>
        <translation>每日互动次数</translation>
    </message>
    <message>
        <source>Forecast for the next 30 days with 80% and 95% intervals: %1</source>
        <translation>未来 30 天的预测（80% 和 95% 区间）：%1</translation>
    </message>
    <message>
        <source>Unusual days:</source>
        <translation>异常日期：</translation>
    </message>
    <message>
        <source>%1: %2 (expected %3)</source>
        <translation>%1：%2（预期 %3）</translation>
    </message>
    <message>
        <source>Top posts</source>
        <translation>热门帖子</translation>
    </message>
    <message>
        <source>No posts were published in this period.</source>
        <translation>此时间段内没有发布帖子。</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>No campaign runs in this period.</source>
        <translation>此时间段内没有进行中的营销活动。</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成果</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Cost per result</source>
        <translation>每次成果成本</translation>
    </message>
    <message>
        <source>Comment sentiment</source>
        <translation>评论情感</translation>
    </message>
    <message>
        <source>Sentiment is not available: the built-in lexicons could not be read.</source>
        <translation>情感分析不可用：无法读取内置词典。</translation>
    </message>
    <message>
        <source>No comments in this period.</source>
        <translation>此时间段内没有评论。</translation>
    </message>
    <message>
        <source>%1 comments: %2 positive, %3 neutral, %4 negative.</source>
        <translation>%1 条评论：%2 条正面，%3 条中性，%4 条负面。</translation>
    </message>
    <message>
        <source>Audience segments</source>
        <translation>受众细分</translation>
    </message>
    <message>
        <source>No segmentation has been saved yet (Audience panel or heraldctl segment).</source>
        <translation>尚未保存任何细分（在受众面板或用 heraldctl segment 创建）。</translation>
    </message>
    <message>
        <source>“%1”, saved %2: %3 segments, mean silhouette %4.</source>
        <translation>“%1”，保存于 %2：%3 个细分，平均轮廓系数 %4。</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Stands out by</source>
        <translation>显著特征</translation>
    </message>
    <message>
        <source>Top interests</source>
        <translation>主要兴趣</translation>
    </message>
    <message>
        <source>Ad results</source>
        <translation>广告效果</translation>
    </message>
    <message>
        <source>No ad set ran in this period.</source>
        <translation>此时间段内没有投放的广告组。</translation>
    </message>
    <message>
        <source>Intervals are 95% confidence intervals.</source>
        <translation>区间为 95% 置信区间。</translation>
    </message>
    <message>
        <source>Ad set</source>
        <translation>广告组</translation>
    </message>
    <message>
        <source>CTR</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>CPC</source>
        <translation>单次点击费用</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化</translation>
    </message>
    <message>
        <source>CPA</source>
        <translation>单次转化费用</translation>
    </message>
    <message>
        <source>ROAS</source>
        <translation>广告支出回报率</translation>
    </message>
    <message>
        <source>A/B tests</source>
        <translation>A/B 测试</translation>
    </message>
    <message>
        <source>No A/B test ran in this period.</source>
        <translation>此时间段内没有进行 A/B 测试。</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Variants (rate, chance of being best)</source>
        <translation>变体（比率，为最优的概率）</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>p 值</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>%1 wins</source>
        <translation>%1 胜出</translation>
    </message>
    <message>
        <source>No significant difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <source>Too early: the planned sample (%1 per variant) is not reached</source>
        <translation>为时尚早：尚未达到计划样本量（每个变体 %1）</translation>
    </message>
</context>
<context>
    <name>herald::app::MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>受众</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Comments and mentions from every account, with sentiment and reply state. The inbox is not built yet.</source>
        <translation>汇集所有账号的评论和提及，附带情感倾向和回复状态。收件箱尚未完成。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Demo Workspace</source>
        <translation>打开演示工作区(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Back Up Workspace…</source>
        <translation>备份工作区(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Herald</source>
        <translation>关于 Herald(&amp;A)</translation>
    </message>
    <message>
        <source>No recent workspaces</source>
        <translation>没有最近打开的工作区</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Could not open the workspace</source>
        <translation>无法打开工作区</translation>
    </message>
    <message>
        <source>Workspace: %1 · Time zone: %2</source>
        <extracomment>Status bar: %1 is the workspace file, %2 its time zone</extracomment>
        <translation>工作区：%1 · 时区：%2</translation>
    </message>
    <message>
        <source>Herald</source>
        <translation>Herald</translation>
    </message>
    <message>
        <source>%1 (demo data) — Herald</source>
        <extracomment>Window title of a generated demo workspace; %1 is its name</extracomment>
        <translation>%1（演示数据）— Herald</translation>
    </message>
    <message>
        <source>%1 — Herald</source>
        <translation>%1 — Herald</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>Could not create the workspace</source>
        <translation>无法创建工作区</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Generating the demo workspace…</source>
        <translation>正在生成演示工作区…</translation>
    </message>
    <message>
        <source>Could not create the demo workspace</source>
        <translation>无法创建演示工作区</translation>
    </message>
    <message>
        <source>Demo generation cancelled.</source>
        <translation>已取消生成演示数据。</translation>
    </message>
    <message>
        <source>Back Up Workspace</source>
        <translation>备份工作区</translation>
    </message>
    <message>
        <source>The backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>About Herald</source>
        <translation>关于 Herald</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;A local-first campaign manager for social media: plan, publish, measure and report, with your data in one file on your machine.&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · libcurl %4 · Eigen %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Herald %1&lt;/h3&gt;&lt;p&gt;本地优先的社交媒体营销管理工具：规划、发布、衡量和报告，所有数据保存在您电脑上的一个文件中。&lt;/p&gt;&lt;p&gt;Qt %2 · SQLite %3 · libcurl %4 · Eigen %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Herald will use the new language the next time it starts.</source>
        <translation>Herald 将在下次启动时使用新的语言。</translation>
    </message>
    <message numerus="yes">
        <source>%n hashtags will be suggested in the composer.</source>
        <translation>
            <numerusform>撰写帖子时将建议 %n 个话题标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Post…</source>
        <translation>新建帖子(&amp;P)…</translation>
    </message>
    <message>
        <source>Import &amp;CSV…</source>
        <translation>导入 &amp;CSV…</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Background Publishing…</source>
        <translation>后台发布(&amp;B)…</translation>
    </message>
    <message>
        <source>Demo workspace: nothing is published</source>
        <translation>演示工作区：不会发布任何内容</translation>
    </message>
    <message>
        <source>A post could not be published</source>
        <translation>有帖子未能发布</translation>
    </message>
    <message>
        <source>A scheduled post needs attention</source>
        <translation>有计划发布的帖子需要处理</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Status bar: %1 is a notification title, %2 the network's message</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Publisher: not run yet</source>
        <translation>发布器：尚未运行</translation>
    </message>
    <message>
        <source>Last background publishing: %1</source>
        <extracomment>Status bar: %1 is when the publisher last ran</extracomment>
        <translation>上次后台发布：%1</translation>
    </message>
    <message>
        <source>Last publishing run: %1</source>
        <translation>上次发布运行：%1</translation>
    </message>
</context>
<context>
    <name>herald::ui::AbTestDialog</name>
    <message>
        <source>New A/B test</source>
        <translation>新建 A/B 测试</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Ad sets</source>
        <translation>广告组</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Variants (tick two or more)</source>
        <translation>变体（勾选两个或更多）</translation>
    </message>
    <message>
        <source>Planned visitors per variant</source>
        <translation>每个变体的计划访问量</translation>
    </message>
    <message>
        <source>Only count a window</source>
        <translation>只统计一个时间窗口</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Click-through rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Conversion rate (per click)</source>
        <translation>转化率（按点击）</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
</context>
<context>
    <name>herald::ui::AbTestsTab</name>
    <message>
        <source>click-through rate</source>
        <translation>点击率</translation>
    </message>
    <message>
        <source>engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>conversion rate</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>New test…</source>
        <translation>新建测试…</translation>
    </message>
    <message>
        <source>Sample size</source>
        <translation>样本量</translation>
    </message>
    <message>
        <source>Baseline rate</source>
        <translation>基准转化率</translation>
    </message>
    <message>
        <source>Smallest lift to detect</source>
        <translation>要检测的最小提升</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>检验功效</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>访问量</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>P(best)</source>
        <translation>P(最佳)</translation>
    </message>
    <message>
        <source>Expected loss</source>
        <translation>预期损失</translation>
    </message>
    <message>
        <source>Open a workspace to see its A/B tests.</source>
        <translation>打开一个工作区以查看其 A/B 测试。</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>无法计算：%1</translation>
    </message>
    <message>
        <source>%1 visitors per variant to detect %2 → %3 at 5% significance.</source>
        <translation>在 5% 显著性水平下检测 %2 → %3，每个变体需要 %1 次访问。</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %n variant(s))</source>
        <translation>
            <numerusform>%1（%2，%n 个变体）</numerusform>
        </translation>
    </message>
    <message>
        <source>No A/B tests yet. Define one to compare two or more posts or ad sets.</source>
        <translation>还没有 A/B 测试。新建一个来比较两个或更多帖子或广告组。</translation>
    </message>
    <message>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <source>Cannot evaluate this test: %1</source>
        <translation>无法评估此测试：%1</translation>
    </message>
    <message>
        <source>Not enough data yet: the smallest variant has %1 of the planned %2 visitors. No winner is called before the planned sample (p = %3 so far).</source>
        <translation>数据尚不足：最小的变体只有计划 %2 次访问中的 %1 次。达到计划样本量之前不判定胜者（目前 p = %3）。</translation>
    </message>
    <message>
        <source>%1 wins with %2 (p = %3); it is best with probability %4, and choosing it gives up %5 points in expectation.</source>
        <translation>%1 胜出，比率 %2（p = %3）；它是最佳变体的概率为 %4，选择它的预期损失为 %5 个百分点。</translation>
    </message>
    <message>
        <source>No significant difference (p = %1): the planned sample was reached and the variants perform alike at the 5% level.</source>
        <translation>无显著差异（p = %1）：已达到计划样本量，在 5% 水平下各变体表现相当。</translation>
    </message>
    <message>
        <source>Fisher's exact test</source>
        <translation>Fisher 精确检验</translation>
    </message>
    <message>
        <source>two-proportion z-test</source>
        <translation>双比例 z 检验</translation>
    </message>
    <message>
        <source>chi-squared test</source>
        <translation>卡方检验</translation>
    </message>
    <message>
        <source>%1 of %2: p = %3.</source>
        <translation>%2的%1：p = %3。</translation>
    </message>
    <message>
        <source>The test is undefined: no variant has a conversion yet.</source>
        <translation>检验无定义：还没有任何变体产生转化。</translation>
    </message>
    <message>
        <source>Detecting the observed difference with 80% power needs %1 visitors per variant.</source>
        <translation>以 80% 功效检测到观察到的差异，每个变体需要 %1 次访问。</translation>
    </message>
    <message>
        <source>Rate per variant with its 95% interval</source>
        <translation>各变体的比率及其 95% 区间</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>The test was not saved: %1</source>
        <translation>测试未保存：%1</translation>
    </message>
</context>
<context>
    <name>herald::ui::AccountListModel</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Needs reconnecting</source>
        <translation>需要重新连接</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>herald::ui::AccountStatusModel</name>
    <message>
        <source>Needs reconnecting</source>
        <translation>需要重新连接</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Rate limited until %1</source>
        <translation>受速率限制，直到 %1</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
</context>
<context>
    <name>herald::ui::AccountsPanel</name>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Add Account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Could not read the accounts: %1</source>
        <translation>无法读取账号：%1</translation>
    </message>
    <message>
        <source>This workspace has no accounts yet. Add a Mastodon, Bluesky or X account to sync its posts, metrics, comments and followers.</source>
        <translation>此工作区还没有账号。添加 Mastodon、Bluesky 或 X 账号，即可同步其帖子、指标、评论和关注者。</translation>
    </message>
    <message>
        <source>No system keychain is available, so account secrets are kept in %1, a file only you can read. Install and unlock a keychain (for example GNOME Keyring or KWallet) to keep them there instead.</source>
        <translation>系统钥匙串不可用，因此账号密钥保存在 %1 中，该文件只有您可以读取。安装并解锁钥匙串（例如 GNOME Keyring 或 KWallet）即可改为保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Reconnected %1; its history is kept.</source>
        <translation>已重新连接 %1，其历史数据已保留。</translation>
    </message>
    <message>
        <source>Connected %1. Sync now to fetch its posts and metrics.</source>
        <translation>已连接 %1。立即同步以获取其帖子和指标。</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <source>Remove %1 from this workspace? Its synced posts, metrics, comments and followers are deleted from the workspace and its stored secret is deleted. Nothing is changed on %2.</source>
        <translation>要从此工作区移除 %1 吗？其已同步的帖子、指标、评论和关注者将从工作区中删除，保存的密钥也会被删除。%2 上的内容不会有任何改动。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Could not remove the account: %1</source>
        <translation>无法移除账号：%1</translation>
    </message>
    <message>
        <source>The account is removed, but its secret could not be deleted: %1</source>
        <translation>账号已移除，但无法删除其密钥：%1</translation>
    </message>
    <message>
        <source>The account is removed.</source>
        <translation>账号已移除。</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Sync cancelled.</source>
        <translation>同步已取消。</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>同步失败：%1</translation>
    </message>
    <message>
        <source>Sync cancelled. What was fetched is kept; the next sync continues from there.</source>
        <translation>同步已取消。已获取的数据会保留，下次同步将从中断处继续。</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n account(s).</source>
        <translation>
            <numerusform>已同步 %n 个账号。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) could not be synced; see Last error.</source>
        <translation>
            <numerusform>%n 个账号无法同步；请查看“最近错误”。</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing accounts…</source>
        <translation>正在同步账号…</translation>
    </message>
</context>
<context>
    <name>herald::ui::AdAudiencesTab</name>
    <message>
        <source>Start from a saved segment</source>
        <translation>从已保存的分群开始</translation>
    </message>
    <message>
        <source>Use segment</source>
        <translation>使用分群</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Start again from everyone in the workspace</source>
        <translation>从工作区的全部成员重新开始</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>ISO codes, e.g. DE, NL, FR</source>
        <translation>ISO 代码，例如 DE, NL, FR</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>e.g. en, de</source>
        <translation>例如 en, de</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Age bands</source>
        <translation>年龄段</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Genders</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>any of, e.g. programming, design</source>
        <translation>任一，例如 programming, design</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>兴趣</translation>
    </message>
    <message>
        <source>Lookalike of</source>
        <translation>类似受众来源</translation>
    </message>
    <message>
        <source>Open a workspace to build an audience.</source>
        <translation>打开一个工作区以建立受众。</translation>
    </message>
    <message>
        <source>Audience name</source>
        <translation>受众名称</translation>
    </message>
    <message>
        <source>Save audience</source>
        <translation>保存受众</translation>
    </message>
    <message>
        <source>Meta targeting JSON…</source>
        <translation>Meta 定向 JSON…</translation>
    </message>
    <message>
        <source>LinkedIn targeting…</source>
        <translation>LinkedIn 定向…</translation>
    </message>
    <message>
        <source>Custom audience file…</source>
        <translation>自定义受众文件…</translation>
    </message>
    <message>
        <source>Handles CSV…</source>
        <translation>账号 CSV…</translation>
    </message>
    <message>
        <source>Saved audiences</source>
        <translation>已保存的受众</translation>
    </message>
    <message>
        <source>Validation before export</source>
        <translation>导出前校验</translation>
    </message>
    <message>
        <source>This audience's spec cannot be read: %1</source>
        <translation>无法读取此受众的定义：%1</translation>
    </message>
    <message>
        <source>No lookalike</source>
        <translation>不使用类似受众</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n member(s))</source>
        <translation>
            <numerusform>%1（%n 名成员）</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved segments yet: segment the audience in the Audience panel, or build the audience from filters below.</source>
        <translation>还没有已保存的分群：请在“受众”面板中进行分群，或使用下方的筛选条件建立受众。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n member(s) when saved</source>
        <translation>
            <numerusform>%1 — 保存时 %n 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>No saved audiences yet.</source>
        <translation>还没有已保存的受众。</translation>
    </message>
    <message>
        <source>Members of segment %1 only; the filters narrow it further.</source>
        <translation>仅限分群 %1 的成员；筛选条件会进一步缩小范围。</translation>
    </message>
    <message>
        <source>Counting members…</source>
        <translation>正在统计成员…</translation>
    </message>
    <message>
        <source>No member of this workspace matches.</source>
        <translation>此工作区中没有匹配的成员。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) of this workspace match.</source>
        <translation>
            <numerusform>此工作区中有 %n 名成员匹配。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: ready to export</source>
        <translation>%1：可以导出</translation>
    </message>
    <message>
        <source>%1: cannot be exported</source>
        <translation>%1：无法导出</translation>
    </message>
    <message>
        <source>  ✗ %1</source>
        <translation>  ✗ %1</translation>
    </message>
    <message>
        <source>  ! %1</source>
        <translation>  ! %1</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <source>Give the audience a name before saving it.</source>
        <translation>保存前请为受众命名。</translation>
    </message>
    <message>
        <source>Could not save the audience: %1</source>
        <translation>无法保存受众：%1</translation>
    </message>
    <message>
        <source>Saved the audience "%1".</source>
        <translation>已保存受众“%1”。</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>CSV for Ads Manager (*.csv);;Marketing API payload (*.json)</source>
        <translation>用于广告管理工具的 CSV (*.csv);;Marketing API 数据 (*.json)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export audience</source>
        <translation>导出受众</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>未导出任何内容：%1</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>已导出 %1 行到 %2。</translation>
    </message>
    <message>
        <source>Nothing was exported: the targeting breaks the platform's rules listed on the right.</source>
        <translation>未导出任何内容：定向违反了右侧列出的平台规则。</translation>
    </message>
    <message>
        <source>Exported the targeting to %1.</source>
        <translation>已将定向导出到 %1。</translation>
    </message>
</context>
<context>
    <name>herald::ui::AdSetsTab</name>
    <message>
        <source>All days</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Import Ads Manager CSV…</source>
        <translation>导入广告管理工具 CSV…</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Ad set</source>
        <translation>广告组</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击数</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <source>CTR [95% CI]</source>
        <translation>点击率 [95% 置信区间]</translation>
    </message>
    <message>
        <source>CPC [95% CI]</source>
        <translation>单次点击费用 [95% 置信区间]</translation>
    </message>
    <message>
        <source>CPA [95% CI]</source>
        <translation>单次转化费用 [95% 置信区间]</translation>
    </message>
    <message>
        <source>ROAS [95% CI]</source>
        <translation>广告支出回报率 [95% 置信区间]</translation>
    </message>
    <message>
        <source>Predicted CTR</source>
        <translation>预测点击率</translation>
    </message>
    <message>
        <source>Import Ads Manager export</source>
        <translation>导入广告管理工具导出文件</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Open a workspace to see ad-set results.</source>
        <translation>打开一个工作区以查看广告组成效。</translation>
    </message>
    <message>
        <source>no audience</source>
        <translation>无受众</translation>
    </message>
    <message>
        <source>not enough history</source>
        <translation>历史数据不足</translation>
    </message>
    <message>
        <source>No ad sets yet. Import a daily export from Ads Manager to see their results.</source>
        <translation>还没有广告组。导入广告管理工具的每日导出文件以查看成效。</translation>
    </message>
    <message>
        <source>Intervals: Wilson for CTR; delta method for CPC and CPA (click and conversion counts as Poisson) and for ROAS (ratio of daily revenue to spend).</source>
        <translation>区间：点击率用 Wilson 区间；单次点击费用和单次转化费用用 delta 方法（点击数和转化数按泊松分布），广告支出回报率也用 delta 方法（每日收入与花费之比）。</translation>
    </message>
    <message>
        <source>Predicted CTR: logistic regression over %1 ad sets and %2 audiences on %3.</source>
        <translation>预测点击率：基于 %1 个广告组、%2 个受众在 %3 上的逻辑回归。</translation>
    </message>
    <message>
        <source>Predicted CTR: not enough history — %1 ad set(s) over %2 distinct audience(s) have results; the model needs at least one more distinct audience than it has features, plus one.</source>
        <translation>预测点击率：历史数据不足 — 只有 %1 个广告组、%2 个不同受众有成效数据；模型需要的不同受众数至少为特征数加二。</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1 rows into %2 ad-set days (%3 new ad sets).</source>
        <translation>已导入 %1 行，共 %2 个广告组日（新建 %3 个广告组）。</translation>
    </message>
</context>
<context>
    <name>herald::ui::AddAccountDialog</name>
    <message>
        <source>Handle</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>X client ID</source>
        <translation>X 客户端 ID</translation>
    </message>
    <message>
        <source>Sign in with browser…</source>
        <translation>在浏览器中登录…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Add Account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>The OAuth 2.0 client ID of your app in the X developer portal. Register http://127.0.0.1:%1/callback as its callback URL.</source>
        <translation>您在 X 开发者门户中应用的 OAuth 2.0 客户端 ID。请将 http://127.0.0.1:%1/callback 注册为其回调 URL。</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The token or app password is checked with the network and kept in your system's keychain, never in the workspace.</source>
        <translation>令牌或应用密码会先经平台验证，然后保存在系统钥匙串中，绝不会存入工作区。</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>应用密码</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>访问令牌</translation>
    </message>
    <message>
        <source>Could not connect the account: %1 (%2)</source>
        <translation>无法连接账号：%1（%2）</translation>
    </message>
    <message>
        <source>Enter the address of your Mastodon server.</source>
        <translation>请输入您的 Mastodon 服务器地址。</translation>
    </message>
    <message>
        <source>Enter your Bluesky handle.</source>
        <translation>请输入您的 Bluesky 用户名。</translation>
    </message>
    <message>
        <source>Paste an app password (Settings → App passwords).</source>
        <translation>请粘贴应用密码（设置 → 应用密码）。</translation>
    </message>
    <message>
        <source>Paste an access token.</source>
        <translation>请粘贴访问令牌。</translation>
    </message>
    <message>
        <source>Checking the account with %1…</source>
        <translation>正在通过 %1 验证账号…</translation>
    </message>
    <message>
        <source>Enter the client ID of your X developer app.</source>
        <translation>请输入您的 X 开发者应用的客户端 ID。</translation>
    </message>
    <message>
        <source>Waiting for you to approve Herald in your browser…</source>
        <translation>正在等待您在浏览器中授权 Herald…</translation>
    </message>
</context>
<context>
    <name>herald::ui::AdsPanel</name>
    <message>
        <source>Audiences</source>
        <translation>受众</translation>
    </message>
    <message>
        <source>Ad sets</source>
        <translation>广告组</translation>
    </message>
    <message>
        <source>Budget planner</source>
        <translation>预算规划</translation>
    </message>
    <message>
        <source>A/B tests</source>
        <translation>A/B 测试</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
</context>
<context>
    <name>herald::ui::AudiencePanel</name>
    <message>
        <source>Choose the number of segments for me</source>
        <translation>自动选择细分群体数量</translation>
    </message>
    <message>
        <source>Segments: </source>
        <translation>细分群体数：</translation>
    </message>
    <message>
        <source>Run segmentation</source>
        <translation>运行细分</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>特征</translation>
    </message>
    <message>
        <source>Save segments…</source>
        <translation>保存细分群体…</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>细分群体</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>分布图</translation>
    </message>
    <message>
        <source>Silhouette</source>
        <translation>轮廓系数</translation>
    </message>
    <message>
        <source>Interest rules</source>
        <translation>兴趣规则</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>细分群体：</translation>
    </message>
    <message>
        <source>Tags and topics its members engage with most</source>
        <translation>其成员互动最多的标签和话题</translation>
    </message>
    <message>
        <source>Past posts it engaged with most</source>
        <translation>其互动最多的历史帖子</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>比较所选</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Select two saved runs and compare them to see how their segments overlap.</source>
        <translation>选择两次已保存的细分并进行比较，查看其细分群体的重叠情况。</translation>
    </message>
    <message>
        <source>Saved runs</source>
        <translation>已保存的细分</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>受众</translation>
    </message>
    <message>
        <source>Reading the audience…</source>
        <translation>正在读取受众…</translation>
    </message>
    <message>
        <source>Open a workspace to segment its audience.</source>
        <translation>打开一个工作区以细分其受众。</translation>
    </message>
    <message>
        <source>Could not read the audience: %1</source>
        <translation>无法读取受众：%1</translation>
    </message>
    <message>
        <source>This workspace has no audience yet. Herald segments the followers and engaged people that account syncs bring in; sync an account's followers, or open the demo workspace, to segment an audience.</source>
        <translation>此工作区还没有受众。Herald 会对账号同步带来的粉丝和互动用户进行细分；请同步某个账号的粉丝，或打开演示工作区，再进行受众细分。</translation>
    </message>
    <message>
        <source>Account %1</source>
        <translation>账号 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n member(s)</source>
        <translation>
            <numerusform>%1 — %n 位成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose accounts and features, then run the segmentation.</source>
        <translation>选择账号和特征，然后运行细分。</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>请至少选择一个账号。</translation>
    </message>
    <message>
        <source>Choose at least one feature.</source>
        <translation>请至少选择一项特征。</translation>
    </message>
    <message>
        <source>Segmenting the audience…</source>
        <translation>正在细分受众…</translation>
    </message>
    <message>
        <source>Segmentation cancelled.</source>
        <translation>细分已取消。</translation>
    </message>
    <message>
        <source>Could not segment the audience: %1</source>
        <translation>无法细分受众：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 members in %n segment(s); mean silhouette %2.</source>
        <translation>
            <numerusform>%1 位成员分为 %n 个细分群体；平均轮廓系数 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>The number of segments was chosen by the highest silhouette.</source>
        <translation>细分群体数量按最高轮廓系数选定。</translation>
    </message>
    <message>
        <source>Left out because every member has the same value: %1.</source>
        <translation>以下特征因所有成员取值相同而被忽略：%1。</translation>
    </message>
    <message>
        <source>Save segments</source>
        <translation>保存细分群体</translation>
    </message>
    <message>
        <source>Name of this segmentation:</source>
        <translation>此次细分的名称：</translation>
    </message>
    <message>
        <source>Could not save the segments: %1</source>
        <translation>无法保存细分群体：%1</translation>
    </message>
    <message>
        <source>Saved the segments as “%1”.</source>
        <translation>已将细分群体保存为“%1”。</translation>
    </message>
    <message>
        <source>Select exactly two saved runs to compare.</source>
        <translation>请恰好选择两次已保存的细分进行比较。</translation>
    </message>
    <message>
        <source>Could not compare: %1</source>
        <translation>无法比较：%1</translation>
    </message>
    <message>
        <source>Members shared by the segments of “%1” (rows) and “%2” (columns), with the Jaccard index.</source>
        <translation>“%1”（行）与“%2”（列）各细分群体的共同成员数及 Jaccard 指数。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 · J %2</source>
        <translation>%1 · J %2</translation>
    </message>
    <message>
        <source>Could not delete: %1</source>
        <translation>无法删除：%1</translation>
    </message>
    <message>
        <source>Night</source>
        <translation>夜间</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>下午</translation>
    </message>
    <message>
        <source>Evening</source>
        <translation>晚上</translation>
    </message>
    <message>
        <source>%1 members, %2 of the audience</source>
        <translation>%1 位成员，占受众的 %2</translation>
    </message>
    <message>
        <source>Active hours</source>
        <translation>活跃时段</translation>
    </message>
    <message>
        <source>Top interests</source>
        <translation>主要兴趣</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <source>Engagements per member</source>
        <translation>人均互动次数</translation>
    </message>
    <message>
        <source>Mean silhouette</source>
        <translation>平均轮廓系数</translation>
    </message>
    <message>
        <source>Export handles…</source>
        <translation>导出用户名…</translation>
    </message>
    <message numerus="yes">
        <source>Members on the first two principal components (%n shown)</source>
        <translation>
            <numerusform>成员在前两个主成分上的分布（显示 %n 位）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Component 1 (%1 of the variance)</source>
        <translation>主成分 1（占方差的 %1）</translation>
    </message>
    <message>
        <source>Component 2 (%1 of the variance)</source>
        <translation>主成分 2（占方差的 %1）</translation>
    </message>
    <message>
        <source>Silhouette of each sampled member (mean %1): near 1 fits its segment well, below 0 would fit another better</source>
        <translation>每位抽样成员的轮廓系数（平均 %1）：接近 1 表示与所在细分群体非常吻合，低于 0 表示更适合其他群体</translation>
    </message>
    <message>
        <source>Sampled members, sorted within each segment</source>
        <translation>抽样成员（在各细分群体内排序）</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Export segment handles</source>
        <translation>导出细分群体用户名</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>herald::ui::AudienceRulesModel</name>
    <message>
        <source>If interested in</source>
        <translation>若对以下感兴趣</translation>
    </message>
    <message>
        <source>Then also</source>
        <translation>则也对</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持度</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
</context>
<context>
    <name>herald::ui::AudienceRulesTab</name>
    <message>
        <source>Use as hashtags</source>
        <translation>用作话题标签</translation>
    </message>
    <message>
        <source>Copy the consequents of the selected rules (or of every shown rule) as #hashtags for the composer</source>
        <translation>将所选规则（或所有显示的规则）的结论复制为 #话题标签，供撰写器使用</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Min. support</source>
        <translation>最小支持度</translation>
    </message>
    <message>
        <source>Min. confidence</source>
        <translation>最小置信度</translation>
    </message>
    <message>
        <source>Min. lift</source>
        <translation>最小提升度</translation>
    </message>
    <message>
        <source>Whole audience</source>
        <translation>全部受众</translation>
    </message>
    <message>
        <source>Run a segmentation to find interest rules.</source>
        <translation>运行一次细分以查找兴趣规则。</translation>
    </message>
    <message>
        <source>Finding interest rules…</source>
        <translation>正在查找兴趣规则…</translation>
    </message>
    <message>
        <source>No interest rules: %1</source>
        <translation>没有兴趣规则：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) shown of %1 found (mined at %2% support).</source>
        <translation>
            <numerusform>共找到 %1 条规则，显示 %n 条（按 %2% 支持度挖掘）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n hashtag(s) to the clipboard.</source>
        <translation>
            <numerusform>已将 %n 个话题标签复制到剪贴板。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ui::BackgroundPublishingDialog</name>
    <message>
        <source>Publishing while Herald is closed</source>
        <translation>Herald 关闭时的发布</translation>
    </message>
    <message>
        <source>Scheduled posts go out while Herald is open. To publish them when it is closed, let the system run “heraldctl publish-due” every minute.</source>
        <translation>Herald 打开时会发布定时帖子。若要在其关闭时也能发布，请让系统每分钟运行一次“heraldctl publish-due”。</translation>
    </message>
    <message>
        <source>Install the systemd user timer</source>
        <translation>安装 systemd 用户定时器</translation>
    </message>
    <message>
        <source>heraldctl was not found next to Herald or on PATH; the lines below assume %1.</source>
        <translation>在 Herald 所在目录或 PATH 中找不到 heraldctl；下面的命令假定其位于 %1。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Or add this line to your crontab (crontab -e):</source>
        <translation>或者将这一行添加到 crontab（crontab -e）：</translation>
    </message>
    <message>
        <source>The background publisher has never run for this workspace.</source>
        <translation>后台发布程序从未在此工作区运行过。</translation>
    </message>
    <message numerus="yes">
        <source>The background publisher last ran at %1 (%n minute(s) ago): %2 published, %3 failed.</source>
        <translation>
            <numerusform>后台发布程序上次运行于 %1（%n 分钟前）：已发布 %2 个，失败 %3 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>The timer could not be written: %1</source>
        <translation>无法写入定时器：%1</translation>
    </message>
    <message>
        <source>The units were written to %1.</source>
        <translation>单元文件已写入 %1。</translation>
    </message>
    <message>
        <source>Enabling the timer…</source>
        <translation>正在启用定时器…</translation>
    </message>
    <message>
        <source>systemctl could not be started (is this a systemd system?). Use the cron line instead.</source>
        <translation>无法启动 systemctl（这是 systemd 系统吗？）。请改用 cron 命令行。</translation>
    </message>
    <message>
        <source>systemctl failed (exit code %1): %2</source>
        <translation>systemctl 失败（退出码 %1）：%2</translation>
    </message>
    <message>
        <source>The timer is installed: posts are published every minute, even when Herald is closed.</source>
        <translation>定时器已安装：即使 Herald 关闭，帖子也会每分钟检查并发布。</translation>
    </message>
</context>
<context>
    <name>herald::ui::BestTimeHeatmap</name>
    <message>
        <source>%1% to %2% engagement</source>
        <translation>互动率 %1% 至 %2%</translation>
    </message>
</context>
<context>
    <name>herald::ui::BreakdownModel</name>
    <message>
        <source>No campaign</source>
        <translation>无营销活动</translation>
    </message>
    <message>
        <source>%1 %2:00</source>
        <extracomment>Hour of week, e.g. "Mon 09:00"</extracomment>
        <translation>%1 %2:00</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>无标签</translation>
    </message>
</context>
<context>
    <name>herald::ui::BudgetTab</name>
    <message>
        <source>Total budget</source>
        <translation>总预算</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>转化数</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击数</translation>
    </message>
    <message>
        <source>Optimise for</source>
        <translation>优化目标</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>Ad set</source>
        <translation>广告组</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Expected results</source>
        <translation>预期成果</translation>
    </message>
    <message>
        <source>P(best)</source>
        <translation>P(最佳)</translation>
    </message>
    <message>
        <source>Posterior rate</source>
        <translation>后验比率</translation>
    </message>
    <message>
        <source>%1% = %2</source>
        <translation>%1% = %2</translation>
    </message>
    <message>
        <source>Open a workspace to plan a budget.</source>
        <translation>打开一个工作区以规划预算。</translation>
    </message>
    <message>
        <source>No ad sets with results yet: import an Ads Manager export in the Ad sets tab.</source>
        <translation>还没有有成效数据的广告组：请在“广告组”标签页中导入广告管理工具的导出文件。</translation>
    </message>
    <message>
        <source>Cannot plan: %1</source>
        <translation>无法规划：%1</translation>
    </message>
    <message>
        <source>Budget per ad set (%1)</source>
        <translation>各广告组预算（%1）</translation>
    </message>
    <message>
        <source>Expected conversions with %1: %2.</source>
        <translation>预算 %1 的预期转化数：%2。</translation>
    </message>
    <message>
        <source>Expected clicks with %1: %2.</source>
        <translation>预算 %1 的预期点击数：%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n ad set(s) without spend or results are left out.</source>
        <translation>
            <numerusform>%n 个没有花费或成效的广告组未纳入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Each ad set gets the share of the budget equal to its probability of being the best (Thompson sampling, fixed seed).</source>
        <translation>每个广告组分得的预算比例等于它是最佳广告组的概率（汤普森采样，固定随机种子）。</translation>
    </message>
</context>
<context>
    <name>herald::ui::CalendarPanel</name>
    <message>
        <source>A published post cannot be moved.</source>
        <translation>已发布的帖子无法移动。</translation>
    </message>
    <message>
        <source>Move post to %1</source>
        <translation>将帖子移到 %1</translation>
    </message>
    <message>
        <source>Reschedule post</source>
        <translation>重新安排帖子</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>立即发布</translation>
    </message>
    <message>
        <source>The post has no account to publish to.</source>
        <translation>该帖子没有可发布的账号。</translation>
    </message>
    <message>
        <source>No free slot could be found: %1</source>
        <translation>找不到空闲时段：%1</translation>
    </message>
    <message>
        <source>No free posting slot in the next 90 days. Set posting slots for the post's accounts with “Posting slots…”.</source>
        <translation>未来 90 天内没有空闲的发布时段。请通过“发布时段…”为该帖子的账号设置发布时段。</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation>取消帖子</translation>
    </message>
    <message>
        <source>Cancel “%1”? It will not be published. You can undo this.</source>
        <translation>取消“%1”？它将不会被发布。此操作可以撤销。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>重新安排…</translation>
    </message>
    <message>
        <source>New time (%1):</source>
        <translation>新时间（%1）：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Choose one account in the filter to edit its posting slots.</source>
        <translation>请在筛选中选择一个账号以编辑其发布时段。</translation>
    </message>
    <message>
        <source>The posting slots could not be read: %1</source>
        <translation>无法读取发布时段：%1</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
    <message>
        <source>Open or create a workspace to plan posts on the calendar.</source>
        <translation>打开或创建一个工作区，即可在日历上规划帖子。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>The calendar shows times in this zone; it is saved as the workspace's time zone.</source>
        <translation>日历以此时区显示时间，并保存为工作区的时区。</translation>
    </message>
    <message>
        <source>Posting slots…</source>
        <translation>发布时段…</translation>
    </message>
    <message>
        <source>Put the selected post into the next free posting slot of its accounts.</source>
        <translation>将所选帖子放入其账号的下一个空闲发布时段。</translation>
    </message>
    <message>
        <source>Select a post first.</source>
        <translation>请先选择一个帖子。</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>所有账号</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>所有活动</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>无法读取队列：%1</translation>
    </message>
    <message>
        <source>No posts match the filters.</source>
        <translation>没有符合筛选条件的帖子。</translation>
    </message>
    <message>
        <source>No posting slots yet: set them with “Posting slots…” to use the queue.</source>
        <translation>尚未设置发布时段：请通过“发布时段…”设置后使用队列。</translation>
    </message>
    <message>
        <source>The calendar could not be read: %1</source>
        <translation>无法读取日历：%1</translation>
    </message>
    <message>
        <source>No posts in this month. Double-click a day to plan one.</source>
        <translation>本月没有帖子。双击某一天即可规划帖子。</translation>
    </message>
    <message>
        <source>No posts in this week. Double-click an hour to plan one.</source>
        <translation>本周没有帖子。双击某个小时即可规划帖子。</translation>
    </message>
    <message>
        <source>Best time to post: choose one account in the filter to see its engagement by hour of the week.</source>
        <translation>最佳发布时间：请在筛选中选择一个账号，查看其按每周小时划分的互动情况。</translation>
    </message>
    <message>
        <source>Fitting the engagement model…</source>
        <translation>正在拟合互动模型…</translation>
    </message>
    <message>
        <source>The best times could not be computed: %1</source>
        <translation>无法计算最佳时间：%1</translation>
    </message>
    <message numerus="yes">
        <source>Not enough history for best times: %1 has %n published post(s) with impressions; the model needs at least %2.</source>
        <translation>
            <numerusform>历史数据不足，无法计算最佳时间：%1 仅有 %n 条带展示量的已发布帖子；模型至少需要 %2 条。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Best times to post for %1: engagement rate by hour (%2), from %n post(s)</source>
        <translation>
            <numerusform>%1 的最佳发布时间：按小时的互动率（%2），基于 %n 条帖子</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Posts</source>
        <translation>导入帖子</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1 could not be imported: %2 %3</source>
        <translation>无法导入 %1：%2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 篇帖子。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n line(s) of %1 have problems.</source>
        <translation>
            <numerusform>未导入任何内容：%1 中有 %n 行存在问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported from %1. Fix these lines and import the file again:</source>
        <translation>未从 %1 导入任何内容。请修正以下各行后重新导入该文件：</translation>
    </message>
    <message>
        <source>Import Posts…</source>
        <translation>导入帖子…</translation>
    </message>
    <message>
        <source>Schedule many posts from a CSV file: every row is checked first, and nothing is imported unless all rows are good.</source>
        <translation>从 CSV 文件批量安排帖子：先检查每一行，只有所有行都无误时才会导入。</translation>
    </message>
</context>
<context>
    <name>herald::ui::ComposerDialog</name>
    <message>
        <source>Edit post</source>
        <translation>编辑帖子</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>新帖子</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>存为草稿</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>加入队列</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>立即发布</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>定时发布</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Publish to</source>
        <translation>发布到</translation>
    </message>
    <message>
        <source>No accounts yet: add one in the Accounts panel.</source>
        <translation>还没有账号：请在“账号”面板中添加。</translation>
    </message>
    <message>
        <source>What do you want to say?</source>
        <translation>想说些什么？</translation>
    </message>
    <message>
        <source>Base text</source>
        <translation>基础文本</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Alt text: describe the image for people who cannot see it</source>
        <translation>替代文本：为看不到图片的人描述这张图片</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时刻</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Let Mastodon hold the post until its time</source>
        <translation>让 Mastodon 保存该帖子直到发布时间</translation>
    </message>
    <message>
        <source>The post then goes out even if this computer is off; it can no longer be changed in Herald once handed over.</source>
        <translation>这样即使本机关机，帖子也会按时发出；一旦移交，就无法再在 Herald 中修改。</translation>
    </message>
    <message>
        <source>Expected engagement</source>
        <translation>预期互动</translation>
    </message>
    <message>
        <source>Reading the accounts' history…</source>
        <translation>正在读取账号的历史数据…</translation>
    </message>
    <message>
        <source>Campaign and tags</source>
        <translation>营销活动与标签</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>无营销活动</translation>
    </message>
    <message>
        <source>launch, tips (comma-separated)</source>
        <translation>launch, tips（以逗号分隔）</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Link tracking</source>
        <translation>链接跟踪</translation>
    </message>
    <message>
        <source>Add UTM parameters to links</source>
        <translation>为链接添加 UTM 参数</translation>
    </message>
    <message>
        <source>utm_campaign</source>
        <translation>utm_campaign</translation>
    </message>
    <message>
        <source>utm_content</source>
        <translation>utm_content</translation>
    </message>
    <message>
        <source>Post %1 could not be read; starting a new post.</source>
        <translation>无法读取帖子 %1，将新建一篇帖子。</translation>
    </message>
    <message>
        <source>Leave empty to post the base text on this account.</source>
        <translation>留空则在此账号上发布基础文本。</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>账号 %1</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1：%2 / %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Fix the problems listed above first.</source>
        <translation>请先解决上面列出的问题。</translation>
    </message>
    <message>
        <source>No tagged posts with results in the last 90 days.</source>
        <translation>最近 90 天没有带标签且有数据的帖子。</translation>
    </message>
    <message>
        <source>Select an account to see the expected engagement.</source>
        <translation>选择一个账号以查看预期互动。</translation>
    </message>
    <message>
        <source>%1: not enough history for a prediction.</source>
        <translation>%1：历史数据不足，无法预测。</translation>
    </message>
    <message>
        <source>%1: no prediction (%2).</source>
        <translation>%1：无法预测（%2）。</translation>
    </message>
    <message>
        <source>%1: %2 % engagement at this time (90 % interval %3–%4 %).</source>
        <translation>%1：此时间的互动率为 %2 %（90 % 区间 %3–%4 %）。</translation>
    </message>
    <message>
        <source>%1 · %2 % (%3–%4 %)</source>
        <translation>%1 · %2 %（%3–%4 %）</translation>
    </message>
    <message>
        <source>Best times in the next 7 days for %1</source>
        <translation>%1 未来 7 天内的最佳发布时间</translation>
    </message>
    <message>
        <source>Could not add %1.</source>
        <translation>无法添加 %1。</translation>
    </message>
    <message>
        <source>Add media</source>
        <translation>添加媒体</translation>
    </message>
    <message>
        <source>Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.webm);;All files (*)</source>
        <translation>图片和视频 (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov *.webm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>No alt text</source>
        <translation>缺少替代文本</translation>
    </message>
    <message>
        <source>Draft saved automatically at %1.</source>
        <translation>草稿已于 %1 自动保存。</translation>
    </message>
    <message>
        <source>No free posting slot in the next 90 days: set posting slots for these accounts in the calendar's queue view.</source>
        <translation>未来 90 天内没有空闲的发布时段：请在日历的队列视图中为这些账号设置发布时段。</translation>
    </message>
    <message>
        <source>%1 %2 does not exist in %3 (unknown zone, or skipped by a daylight-saving change).</source>
        <translation>%1 %2 在 %3 中不存在（时区未知，或因夏令时调整而被跳过）。</translation>
    </message>
    <message>
        <source>Time in the past</source>
        <translation>时间已过</translation>
    </message>
    <message>
        <source>This time is in the past. Publish the post now instead?</source>
        <translation>该时间已经过去。要改为立即发布吗？</translation>
    </message>
    <message>
        <source>Choose a valid date, time and time zone first.</source>
        <translation>请先选择有效的日期、时刻和时区。</translation>
    </message>
    <message>
        <source>Not scheduled: %1</source>
        <translation>未能定时：%1</translation>
    </message>
    <message>
        <source>The post could not be saved: %1</source>
        <translation>无法保存帖子：%1</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>This post has changes that are not saved. Save them?</source>
        <translation>此帖子有未保存的更改。要保存吗？</translation>
    </message>
    <message>
        <source>Repeat every</source>
        <translation>重复间隔</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>周</translation>
    </message>
    <message>
        <source>until</source>
        <translation>直到</translation>
    </message>
    <message>
        <source>Put in the evergreen pool</source>
        <translation>放入常青内容池</translation>
    </message>
    <message>
        <source>Copies of an evergreen post fill empty queue slots of its accounts.</source>
        <translation>常青帖子的副本会填充其账户的空闲队列时段。</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>至少相隔 </translation>
    </message>
    <message>
        <source> days apart</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>This post already repeats; its later occurrences are separate posts in the calendar.</source>
        <translation>此帖子已设置重复；之后的各次发布是日历中的独立帖子。</translation>
    </message>
    <message>
        <source>Not scheduled: the repetition must end after the post's day (%1).</source>
        <translation>未安排：重复必须在帖子日期（%1）之后结束。</translation>
    </message>
    <message>
        <source>The evergreen setting could not be saved: %1</source>
        <translation>无法保存常青设置：%1</translation>
    </message>
    <message>
        <source>The repetition could not be saved: %1</source>
        <translation>无法保存重复设置：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more occurrence(s) scheduled.</source>
        <translation>
            <numerusform>已另外安排 %n 次发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>串文</translation>
    </message>
    <message>
        <source>Follow-ups go out right after this post, each as a reply to the one before, on every selected network.</source>
        <translation>后续帖子紧接在这条帖子之后发布，在每个所选网络上依次回复前一条。</translation>
    </message>
    <message>
        <source>Add to thread</source>
        <translation>添加到串文</translation>
    </message>
    <message>
        <source>Add a follow-up post (Ctrl+Shift+Enter)</source>
        <translation>添加后续帖子（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>The next post of the thread</source>
        <translation>串文的下一条帖子</translation>
    </message>
    <message>
        <source>Remove this follow-up</source>
        <translation>删除这条后续帖子</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Repeating and evergreen posts cannot have follow-ups.</source>
        <translation>重复发布和常青帖子不能有后续帖子。</translation>
    </message>
    <message>
        <source>A thread cannot repeat or be evergreen.</source>
        <translation>串文不能重复发布，也不能放入常青池。</translation>
    </message>
    <message>
        <source>Post %1 of the thread: %2</source>
        <translation>串文第 %1 条：%2</translation>
    </message>
    <message>
        <source>%1 %2 / %3</source>
        <translation>%1 %2 / %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The thread could not be saved: %1</source>
        <translation>串文无法保存：%1</translation>
    </message>
</context>
<context>
    <name>herald::ui::DashboardPanel</name>
    <message>
        <source>Followers</source>
        <translation>关注者</translation>
    </message>
    <message>
        <source>Follower growth</source>
        <translation>关注者增长</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>已发布帖子</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 28 days</source>
        <translation>最近 28 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>No workspace is open. Use File ▸ New Workspace, Open Workspace or Open Demo Workspace.</source>
        <translation>没有打开的工作区。请使用“文件 ▸ 新建工作区”、“打开工作区”或“打开演示工作区”。</translation>
    </message>
    <message>
        <source>%1 – %2, compared with %3 – %4</source>
        <extracomment>%1-%2 is the chosen period, %3-%4 the previous period it is compared with</extracomment>
        <translation>%1 – %2，与 %3 – %4 对比</translation>
    </message>
    <message>
        <source>This workspace has no accounts yet, so there is nothing to measure.</source>
        <translation>此工作区还没有账号，因此没有可衡量的数据。</translation>
    </message>
    <message>
        <source>No posts or metrics in this period. Choose a longer period or another account.</source>
        <translation>此时间段内没有帖子或指标。请选择更长的时间段或其他账号。</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <extracomment>Date format of the period line (QDate format: d day, MMM short month name, yyyy year)</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>Best posts of the period (engagement rate)</source>
        <translation>本期表现最佳的帖子（按互动率）</translation>
    </message>
    <message>
        <source>Weakest posts of the period</source>
        <translation>本期表现最弱的帖子</translation>
    </message>
    <message>
        <source>No published posts in this period.</source>
        <translation>此时间段内没有已发布的帖子。</translation>
    </message>
    <message>
        <source>Spend %1 of %2 · %3 results of %4 · %5 per result</source>
        <extracomment>Campaign line: %1 spend, %2 budget, %3 results, %4 goal, %5 cost per result</extracomment>
        <translation>已花费 %1 / 预算 %2 · 成果 %3 / 目标 %4 · 每次成果 %5</translation>
    </message>
    <message>
        <source>Campaigns running in the period</source>
        <translation>本期进行中的营销活动</translation>
    </message>
    <message>
        <source>Comment sentiment</source>
        <translation>评论情感</translation>
    </message>
    <message>
        <source>No campaign runs in this period.</source>
        <translation>此时间段内没有进行中的营销活动。</translation>
    </message>
    <message>
        <source>Sentiment is not available: the built-in lexicons could not be read.</source>
        <translation>情感分析不可用：无法读取内置词典。</translation>
    </message>
    <message>
        <source>No comments in this period.</source>
        <translation>此时间段内没有评论。</translation>
    </message>
    <message>
        <source>%1 comments: &lt;span style="color:#1a7f37"&gt;&lt;b&gt;%2%&lt;/b&gt; positive&lt;/span&gt; · &lt;b&gt;%3%&lt;/b&gt; neutral · &lt;span style="color:#c62828"&gt;&lt;b&gt;%4%&lt;/b&gt; negative&lt;/span&gt;</source>
        <extracomment>%1 comments; %2, %3, %4 percentages of positive, neutral and negative comments</extracomment>
        <translation>%1 条评论：&lt;span style="color:#1a7f37"&gt;&lt;b&gt;%2%&lt;/b&gt; 正面&lt;/span&gt; · &lt;b&gt;%3%&lt;/b&gt; 中性 · &lt;span style="color:#c62828"&gt;&lt;b&gt;%4%&lt;/b&gt; 负面&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>herald::ui::FailedPostDialog</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>已定时</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布中</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Post not published</source>
        <translation>帖子未发布</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Message from the network</source>
        <translation>网络返回的消息</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>This post no longer exists.</source>
        <translation>该帖子已不存在。</translation>
    </message>
    <message>
        <source>Pre-flight check: %1</source>
        <translation>发布前检查：%1</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>未定时</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n target(s) of this post planned for %1 could not be published.</source>
        <translation>
            <numerusform>此帖子计划于 %1 发布，其中 %n 个目标未能发布。</numerusform>
        </translation>
    </message>
    <message>
        <source>Post planned for %1.</source>
        <translation>帖子计划于 %1 发布。</translation>
    </message>
    <message>
        <source>Retry failed: %1</source>
        <translation>重试失败：%1</translation>
    </message>
    <message>
        <source>The failed targets are queued again and go out with the next publishing run.</source>
        <translation>失败的目标已重新排队，将在下一次发布运行时发出。</translation>
    </message>
</context>
<context>
    <name>herald::ui::ImportCsvDialog</name>
    <message>
        <source>Post id</source>
        <translation>帖子 ID</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>覆盖人数</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>收藏</translation>
    </message>
    <message>
        <source>Profile visits</source>
        <translation>主页访问</translation>
    </message>
    <message>
        <source>Follows</source>
        <translation>关注</translation>
    </message>
    <message>
        <source>Video views</source>
        <translation>视频观看</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>粉丝数</translation>
    </message>
    <message>
        <source>New followers</source>
        <translation>新增粉丝</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>An analytics export from X, LinkedIn, Facebook, Instagram, Weibo or WeChat</source>
        <translation>从 X、LinkedIn、Facebook、Instagram、微博或微信导出的数据分析文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Detect from the header</source>
        <translation>根据表头自动识别</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Herald field</source>
        <translation>Herald 字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Column mapping (change a column if the detection got it wrong):</source>
        <translation>列映射（如果识别有误，请更改对应的列）：</translation>
    </message>
    <message>
        <source>First rows:</source>
        <translation>前几行：</translation>
    </message>
    <message>
        <source>Rejected rows:</source>
        <translation>被拒绝的行：</translation>
    </message>
    <message>
        <source>This workspace has no accounts yet: add the account the export belongs to first.</source>
        <translation>此工作区还没有账号：请先添加导出文件所属的账号。</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2), header on line %3, %n data row(s)</source>
        <translation>
            <numerusform>%1（%2），表头在第 %3 行，共 %n 行数据</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1（必填）</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Check the mapping and the first rows, then import.</source>
        <translation>请检查列映射和前几行，然后导入。</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择列：%1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>导入已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) rejected; nothing was imported. Fix the file and import it again.</source>
        <translation>
            <numerusform>%n 行被拒绝，未导入任何数据。请修正文件后重新导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>This file was already imported into this account; nothing changed.</source>
        <translation>此文件已导入过该账号，未做任何更改。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s): %1 new posts, %2 updated.</source>
        <translation>
            <numerusform>已导入 %n 行：新增 %1 条帖子，更新 %2 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ui::KpiCard</name>
    <message>
        <source>no previous data</source>
        <extracomment>Shown under a KPI when the previous period has no value to compare with</extracomment>
        <translation>无上期数据</translation>
    </message>
    <message>
        <source>%1 %2% vs previous period</source>
        <extracomment>%1 is an arrow, %2 a signed percentage such as +12.5</extracomment>
        <translation>%1 %2%（较上期）</translation>
    </message>
</context>
<context>
    <name>herald::ui::MonthView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ui::PostingSlotsDialog</name>
    <message>
        <source>Posting slots of %1</source>
        <translation>%1 的发布时段</translation>
    </message>
    <message>
        <source>Posts added to the queue go out at these times, in the account's time zone.</source>
        <translation>加入队列的帖子将在这些时间发布（按账号所在时区）。</translation>
    </message>
    <message>
        <source>Times, for example 09:00, 12:30, 17:00</source>
        <translation>时间，例如 09:00, 12:30, 17:00</translation>
    </message>
    <message>
        <source>"%1" is not a time; write times as HH:MM, for example 09:00.</source>
        <translation>“%1”不是有效时间；请按 HH:MM 格式填写，例如 09:00。</translation>
    </message>
    <message>
        <source>Choose at least one day and one time, or clear both to remove every slot.</source>
        <translation>请至少选择一天和一个时间，或同时清空以删除所有时段。</translation>
    </message>
</context>
<context>
    <name>herald::ui::QueueModel</name>
    <message>
        <source>Free slot — Add to queue</source>
        <translation>空闲时段 — 加入队列</translation>
    </message>
    <message>
        <source>Unscheduled</source>
        <translation>未排期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>herald::ui::ReportsPanel</name>
    <message>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Summary figures</source>
        <translation>概要指标</translation>
    </message>
    <message>
        <source>Trend and forecast</source>
        <translation>趋势与预测</translation>
    </message>
    <message>
        <source>Top posts</source>
        <translation>热门帖子</translation>
    </message>
    <message>
        <source>Campaign results</source>
        <translation>营销活动成果</translation>
    </message>
    <message>
        <source>Comment sentiment</source>
        <translation>评论情感</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Gathering the figures…</source>
        <translation>正在汇总数据…</translation>
    </message>
    <message>
        <source>Preview of the report.</source>
        <translation>报告预览。</translation>
    </message>
    <message>
        <source>This period has no data; the report will say so.</source>
        <translation>此时间段没有数据；报告中会注明。</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf);;HTML page (*.html);;CSV files in a folder (*)</source>
        <translation>PDF 文档 (*.pdf);;HTML 网页 (*.html);;文件夹中的 CSV 文件 (*)</translation>
    </message>
    <message>
        <source>The report could not be saved</source>
        <translation>无法保存报告</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save as Template…</source>
        <translation>另存为模板…</translation>
    </message>
    <message>
        <source>Delete Template</source>
        <translation>删除模板</translation>
    </message>
    <message>
        <source>As the application</source>
        <translation>与应用相同</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation>营销活动：</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>No campaign ticked: the report covers all activity of the ticked accounts (all accounts when none is ticked).</source>
        <translation>未勾选营销活动时，报告涵盖所勾选账号的全部活动（未勾选账号时为全部账号）。</translation>
    </message>
    <message>
        <source>Choose campaigns or a period, then Preview.</source>
        <translation>选择营销活动或时间段，然后点击预览。</translation>
    </message>
    <message>
        <source>Template “%1” applied.</source>
        <extracomment>%1 is a report template's name</extracomment>
        <translation>已应用模板“%1”。</translation>
    </message>
    <message>
        <source>No saved templates</source>
        <translation>没有已保存的模板</translation>
    </message>
    <message>
        <source>Choose a template…</source>
        <translation>选择模板…</translation>
    </message>
    <message>
        <source>Save Report Template</source>
        <translation>保存报告模板</translation>
    </message>
    <message>
        <source>Template name (used by heraldctl report --template):</source>
        <translation>模板名称（供 heraldctl report --template 使用）：</translation>
    </message>
    <message>
        <source>The template could not be saved</source>
        <translation>无法保存模板</translation>
    </message>
    <message>
        <source>Template “%1” saved in the workspace.</source>
        <translation>模板“%1”已保存到工作区。</translation>
    </message>
    <message>
        <source>Delete the report template “%1”?</source>
        <translation>删除报告模板“%1”？</translation>
    </message>
    <message>
        <source>Audience segments</source>
        <translation>受众细分</translation>
    </message>
    <message>
        <source>Ad results</source>
        <translation>广告效果</translation>
    </message>
    <message>
        <source>A/B tests</source>
        <translation>A/B 测试</translation>
    </message>
</context>
<context>
    <name>herald::ui::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>herald::ui::TopPostsModel</name>
    <message>
        <source>Published</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Likes</source>
        <translation>点赞</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>转发</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>点击</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>营销活动</translation>
    </message>
</context>
<context>
    <name>herald::ui::TrendsPanel</name>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>互动次数</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>展示次数</translation>
    </message>
    <message>
        <source>Engagement rate</source>
        <translation>互动率</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>关注者</translation>
    </message>
    <message>
        <source>Profile visits</source>
        <translation>主页访问</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>最近 365 天</translation>
    </message>
    <message>
        <source>Last 2 years</source>
        <translation>最近 2 年</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上一周期</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>全部账号</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95% 区间</translation>
    </message>
    <message>
        <source>80% interval</source>
        <translation>80% 区间</translation>
    </message>
    <message>
        <source>No forecast: %1</source>
        <translation>无预测：%1</translation>
    </message>
    <message>
        <source>%1
Value: %2
Expected: %3
Difference: %4</source>
        <extracomment>Tooltip of an anomaly: day, observed value, expected value, difference</extracomment>
        <translation>%1
数值：%2
预期：%3
差值：%4</translation>
    </message>
    <message>
        <source>Herald trend chart</source>
        <translation>Herald 趋势图</translation>
    </message>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg);;CSV data (*.csv)</source>
        <translation>PNG 图片 (*.png);;SVG 图片 (*.svg);;CSV 数据 (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Forecast: %1, next %2 periods, 80% and 95% intervals</source>
        <extracomment>%1 is the model, e.g. ARIMA(1,1,1)(0,1,1)[7]; %2 the number of days, weeks or months (12 or more)</extracomment>
        <translation>预测：%1，未来 %2 个周期，80% 和 95% 区间</translation>
    </message>
    <message>
        <source>MMM yyyy</source>
        <extracomment>Date formats of the chart's time axis (QDate format strings)</extracomment>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <source>d MMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Posts published in this period (double-click opens the post; click the line to see the posts around a day)</source>
        <translation>此时间段内发布的帖子（双击打开帖子；点击折线查看某天前后的帖子）</translation>
    </message>
    <message>
        <source>Posts published around %1 (Esc shows all)</source>
        <extracomment>%1 is a date; the table lists posts from the day before to the day after</extracomment>
        <translation>%1 前后发布的帖子（按 Esc 显示全部）</translation>
    </message>
    <message>
        <source>By network</source>
        <translation>按网络</translation>
    </message>
    <message>
        <source>By campaign</source>
        <translation>按营销活动</translation>
    </message>
    <message>
        <source>By hour of week</source>
        <translation>按每周时段</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>帖子</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>细分</translation>
    </message>
    <message>
        <source>Link clicks</source>
        <translation>链接点击</translation>
    </message>
    <message>
        <source>Posts published</source>
        <translation>已发布帖子</translation>
    </message>
    <message>
        <source>Add Line</source>
        <translation>添加曲线</translation>
    </message>
    <message>
        <source>Keep this metric and scope on the chart and choose another to compare</source>
        <translation>将此指标和范围保留在图表上，再选择另一个进行比较</translation>
    </message>
    <message>
        <source>Remove Added Lines</source>
        <translation>移除添加的曲线</translation>
    </message>
    <message>
        <source>Check Accuracy</source>
        <translation>检验准确度</translation>
    </message>
    <message>
        <source>Fit the forecast on all but the last periods and compare it with what happened</source>
        <translation>用除最后几个周期外的数据拟合预测，并与实际情况比较</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>按标签</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <extracomment>A campaign in the chart's scope list; %1 is its name</extracomment>
        <translation>营销活动：%1</translation>
    </message>
    <message>
        <source>No metrics for this period and scope. Choose a longer period, or another account, campaign or tag.</source>
        <translation>此时间段和范围内没有指标。请选择更长的时间段，或其他账号、营销活动或标签。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Legend of a chart line: metric, then the accounts, campaign or tag it covers</extracomment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Too few periods to hold some out and check the forecast.</source>
        <translation>周期太少，无法留出部分数据来检验预测。</translation>
    </message>
    <message numerus="yes">
        <source>Checking the forecast on the last %n periods…</source>
        <translation>
            <numerusform>正在用最后 %n 个周期检验预测…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not check the forecast: %1</source>
        <translation>无法检验预测：%1</translation>
    </message>
    <message>
        <source>Held out the last %1 periods: %2 scores MASE %3, sMAPE %4%, RMSE %5 (MASE below 1 beats the naive forecast)</source>
        <extracomment>Holdout accuracy: %1 periods held out, %2 the model, then MASE, sMAPE (%) and RMSE</extracomment>
        <translation>留出最后 %1 个周期：%2 的 MASE 为 %3，sMAPE 为 %4%，RMSE 为 %5（MASE 小于 1 即优于朴素预测）</translation>
    </message>
</context>
<context>
    <name>herald::ui::WeekView</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
</context>
</TS>