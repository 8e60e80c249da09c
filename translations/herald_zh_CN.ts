<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Plan posts on a month, week and queue view, compose one post with a variant per network, and publish on time. The calendar is not built yet.</source>
        <translation>在月视图、周视图和队列视图中规划帖子，为每个网络撰写一条帖子的不同版本，并按时发布。日历功能尚未完成。</translation>
    </message>
    <message>
        <source>Segment your followers by engagement, interests, languages and active hours, and find interest rules. Audience segmentation is not built yet.</source>
        <translation>按互动、兴趣、语言和活跃时段对关注者进行细分，并发现兴趣规则。受众细分功能尚未完成。</translation>
    </message>
    <message>
        <source>Ad audiences, targeting exports, ad-set results and budget planning. The ads panel is not built yet.</source>
        <translation>广告受众、定向导出、广告组效果和预算规划。广告面板尚未完成。</translation>
    </message>
    <message>
        <source>Comments and mentions from every account, with sentiment and reply state. The inbox is not built yet.</source>
        <translation>汇集所有账号的评论和提及，附带情感倾向和回复状态。收件箱尚未完成。</translation>
    </message>
    <message>
        <source>Campaign reports as PDF, HTML or CSV. Reports are not built yet.</source>
        <translation>以 PDF、HTML 或 CSV 格式导出营销活动报告。报告功能尚未完成。</translation>
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
    <name>herald::ui::AccountsPanel</name>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Connecting Mastodon, Bluesky and X accounts and syncing them arrives with the connectors; until then this list shows the accounts stored in the workspace.</source>
        <translation>连接并同步 Mastodon、Bluesky 和 X 账号的功能将随平台连接器推出；在此之前，此列表显示工作区中已保存的账号。</translation>
    </message>
    <message>
        <source>This workspace has no accounts yet.</source>
        <translation>此工作区还没有账号。</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
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
        <source>No metrics for this period and account. Choose a longer period or another account.</source>
        <translation>此时间段和账号没有指标数据。请选择更长的时间段或其他账号。</translation>
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
        <source>Posts published in this period (double-click opens the post)</source>
        <translation>此时间段内发布的帖子（双击打开帖子）</translation>
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
</context>
</TS>
