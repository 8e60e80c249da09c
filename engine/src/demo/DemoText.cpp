#include "DemoText.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace herald::engine::demo {

namespace {

struct Topic
{
    const char* tag;
    double weight;
    const char* english[3];
    const char* chinese[3];
};

// Everyday topics of a small company's feed; {slots} are filled by fill() below.
constexpr Topic kTopics[] = {
    {"tips",
     0.28,
     {"Tip: press {key} to {action} in Lumen Notes. Small thing, saves you minutes every day.",
      "Did you know? You can {action} with {key}. Try it in your next meeting notes.",
      "Three ways to {action} faster: {key}, the command palette, or a quick swipe on mobile."},
     {"小技巧：在 Lumen Notes 里按 {key} 就能{action}，每天省下好几分钟。",
      "你知道吗？用 {key} 可以{action}，下次开会记笔记时试试。",
      "三种更快{action}的方法：{key}、命令面板，或者在手机上轻轻一划。"}},
    {"product",
     0.2,
     {"New in Lumen Notes: {feature}. {benefit}",
      "{feature} just landed for everyone. {benefit} Tell us what you think!",
      "We rebuilt {feature} from scratch. {benefit}"},
     {"Lumen Notes 新功能：{feature}。{benefit}", "{feature}已向所有用户开放。{benefit}欢迎告诉我们你的想法！",
      "我们从零重写了{feature}。{benefit}"}},
    {"behind-the-scenes",
     0.15,
     {"Behind the scenes: this week we {bts}. {reflection}", "A peek at our week: we {bts}. {reflection}",
      "Notes from the team: this month we {bts}. {reflection}"},
     {"幕后花絮：这周我们{bts}。{reflection}", "团队日常：我们{bts}。{reflection}",
      "团队月报：这个月我们{bts}。{reflection}"}},
    {"community",
     0.15,
     {"Thank you to the {n} people who sent feedback on {feature}. The top request: {request}.",
      "Community question: how do you organise your notes? Folders, tags or one big inbox?",
      "Shout-out to everyone translating Lumen Notes: {n} languages and counting!"},
     {"感谢 {n} 位用户对{feature}的反馈，呼声最高的是：{request}。",
      "社区提问：你平时怎么整理笔记？文件夹、标签，还是一个大收件箱？",
      "感谢所有参与翻译的志愿者：Lumen Notes 已支持 {n} 种语言！"}},
    {"hiring",
     0.07,
     {"We're hiring a {role} (remote, European time zones). Small team, real ownership.",
      "Join us! We're looking for a {role} who loves calm software.",
      "Open role: {role}. Four-day weeks, no meetings on Wednesdays."},
     {"我们正在招聘{role}（远程办公），小团队，大空间。", "加入我们！寻找热爱安静软件的{role}。",
      "职位开放：{role}，每周四天工作制，周三不开会。"}},
    {"event",
     0.06,
     {"Join us {when} for a live Q&A on {topic}. Bring your questions!",
      "We'll be at {conference} next month: come and say hi at our table.",
      "Live stream {when}: {topic}, with tips from power users."},
     {"{when}直播问答：聊聊{topic}，欢迎带着问题来！", "下个月我们会参加 {conference}，欢迎来展位打个招呼。",
      "{when}直播：{topic}，还有资深用户分享技巧。"}},
    {"release",
     0.09,
     {"Lumen Notes {version} is out: {fix} fixed and {feature} {pct}% faster.",
      "Update {version} is rolling out now. Highlights: {feature} and a fix for {fix}.",
      "Release notes for {version}: {n} fixes, including {fix}."},
     {"Lumen Notes {version} 已发布：修复了{fix}，{feature}速度提升 {pct}%。",
      "{version} 更新正在推送，亮点：{feature}，并修复了{fix}。", "{version} 更新说明：{n} 项修复，包括{fix}。"}},
};

// Campaign themes, in the order of the demo's campaigns.
constexpr Topic kCampaignTopics[] = {
    {"launch",
     1,
     {"Spring launch: Lumen Notes 2 is here, with {feature} and a fresh look. 30 days free: {link}",
      "Meet Lumen Notes 2. {benefit} Start your free trial: {link}",
      "Spring cleaning for your notes: {feature} makes it painless. {link}"},
     {"春季发布：Lumen Notes 2 来了，带来{feature}和全新界面，免费试用 30 天：{link}",
      "认识一下 Lumen Notes 2。{benefit}立即免费试用：{link}", "春季整理笔记：有了{feature}，一切都很轻松。{link}"}},
    {"launch",
     1,
     {"Lumen 3.0: sync everywhere, end-to-end encrypted. {benefit} {link}",
      "Lumen 3.0 countdown: {feature} is one of {n} things we can't wait to show you. {link}",
      "Lumen 3.0 is live! Upgrade today and get {pct}% off the first year. {link}"},
     {"Lumen 3.0：全平台同步，端到端加密。{benefit}{link}",
      "Lumen 3.0 倒计时：{feature}只是我们想给你看的 {n} 个新东西之一。{link}",
      "Lumen 3.0 正式上线！今天升级，首年立减 {pct}%。{link}"}},
    {"event",
     1,
     {"Dev Week webinar: building a plugin for Lumen Notes in 30 minutes. Register: {link}",
      "Tomorrow at Dev Week: {topic}. Seats are limited, register now: {link}",
      "Thanks to the {n} developers who joined our Dev Week webinar! Recording: {link}"},
     {"开发者周网络研讨会：30 分钟为 Lumen Notes 写一个插件，立即报名：{link}",
      "明天开发者周：{topic}，名额有限，快来报名：{link}", "感谢 {n} 位开发者参加开发者周研讨会！回放：{link}"}},
};

constexpr const char* kKeys[] = {"Ctrl+K", "Ctrl+Shift+N", "Alt+Enter", "Ctrl+/", "Cmd+J", "Ctrl+Shift+F"};
constexpr const char* kActionsEn[] = {"jump to any note", "capture a quick idea",        "turn a line into a task",
                                      "link two notes",   "search across all notebooks", "pin a note to the top"};
constexpr const char* kActionsZh[] = {"跳转到任意笔记", "快速记录灵感",   "把一行文字变成待办",
                                      "关联两条笔记",   "搜索所有笔记本", "置顶一条笔记"};
constexpr const char* kFeaturesEn[] = {"offline sync",    "daily notes",     "the graph view",   "PDF annotations",
                                       "Markdown export", "the web clipper", "shared notebooks", "smart search"};
constexpr const char* kFeaturesZh[] = {"离线同步",      "每日笔记", "关系图视图", "PDF 批注",
                                       "Markdown 导出", "网页剪藏", "共享笔记本", "智能搜索"};
constexpr const char* kBenefitsEn[] = {"Your notes stay on your device until you say otherwise.",
                                       "It opens in under a second, even with 10,000 notes.",
                                       "Everything you wrote, one keystroke away.", "Less clicking, more thinking."};
constexpr const char* kBenefitsZh[] = {"笔记默认只保存在你的设备上。", "即使有一万条笔记，也能一秒内打开。",
                                       "写过的一切，一键即达。", "少点击，多思考。"};
constexpr const char* kBtsEn[] = {"moved our servers to renewable energy", "rewrote the sync engine in Rust",
                                  "ran our first design sprint with users", "fixed 42 tiny papercuts",
                                  "met in Lisbon for our team retreat"};
constexpr const char* kBtsZh[] = {"把服务器迁到了可再生能源机房", "用 Rust 重写了同步引擎",
                                  "和用户一起做了第一次设计冲刺", "修了 42 个小问题", "在里斯本团建"};
constexpr const char* kReflectionsEn[] = {"Slow is smooth, smooth is fast.", "More soon!", "Worth every minute.",
                                          "Lessons learned in the thread below."};
constexpr const char* kReflectionsZh[] = {"慢就是稳，稳就是快。", "更多进展敬请期待！", "每一分钟都值得。",
                                          "经验总结见评论区。"};
constexpr const char* kRequestsEn[] = {"a Linux ARM build", "nested tags", "a calendar view", "handwriting on tablets"};
constexpr const char* kRequestsZh[] = {"Linux ARM 版本", "多级标签", "日历视图", "平板手写"};
constexpr const char* kRolesEn[] = {"senior C++ engineer", "product designer", "community manager",
                                    "support specialist"};
constexpr const char* kRolesZh[] = {"高级 C++ 工程师", "产品设计师", "社区运营", "客服专员"};
constexpr const char* kWhenEn[] = {"on Thursday at 18:00 CET", "next Tuesday", "this Friday", "tomorrow"};
constexpr const char* kWhenZh[] = {"本周四晚八点", "下周二", "本周五", "明天"};
constexpr const char* kTopicsEn[] = {"building a second brain", "notes for developers", "the new plugin API",
                                     "privacy by design"};
constexpr const char* kTopicsZh[] = {"打造第二大脑", "程序员的笔记方法", "新的插件接口", "隐私优先的设计"};
constexpr const char* kConferences[] = {"FOSDEM", "Web Summit", "Config", "QCon"};
constexpr const char* kFixesEn[] = {"the sync conflict on iOS", "slow startup on Windows", "a crash in PDF export",
                                    "missing images in shared notes"};
constexpr const char* kFixesZh[] = {"iOS 同步冲突", "Windows 启动慢", "PDF 导出闪退", "共享笔记图片丢失"};

constexpr const char* kHashtagsEn[] = {"#LumenNotes", "#productivity", "#notetaking", "#buildinpublic", "#indiedev"};
constexpr const char* kHashtagsZh[] = {"#效率工具#", "#笔记软件#", "#LumenNotes", "#独立开发#"};
constexpr const char* kExtraTags[] = {"productivity", "ai", "opensource", "tutorial"};

// Replaces each {slot} of `pattern` with a draw from the slot's word list.
std::string fill(DemoRandom& rng, std::string_view pattern, bool zh, std::string_view link)
{
    std::string out;
    out.reserve(pattern.size() + 64);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const std::size_t close = pattern.find('}', i);
        const std::string_view slot = pattern.substr(i + 1, close - i - 1);
        i = close;
        if (slot == "key")
            out += rng.pick(kKeys);
        else if (slot == "action")
            out += zh ? rng.pick(kActionsZh) : rng.pick(kActionsEn);
        else if (slot == "feature")
            out += zh ? rng.pick(kFeaturesZh) : rng.pick(kFeaturesEn);
        else if (slot == "benefit")
            out += zh ? rng.pick(kBenefitsZh) : rng.pick(kBenefitsEn);
        else if (slot == "bts")
            out += zh ? rng.pick(kBtsZh) : rng.pick(kBtsEn);
        else if (slot == "reflection")
            out += zh ? rng.pick(kReflectionsZh) : rng.pick(kReflectionsEn);
        else if (slot == "request")
            out += zh ? rng.pick(kRequestsZh) : rng.pick(kRequestsEn);
        else if (slot == "role")
            out += zh ? rng.pick(kRolesZh) : rng.pick(kRolesEn);
        else if (slot == "when")
            out += zh ? rng.pick(kWhenZh) : rng.pick(kWhenEn);
        else if (slot == "topic")
            out += zh ? rng.pick(kTopicsZh) : rng.pick(kTopicsEn);
        else if (slot == "conference")
            out += rng.pick(kConferences);
        else if (slot == "fix")
            out += zh ? rng.pick(kFixesZh) : rng.pick(kFixesEn);
        else if (slot == "version")
            out += "2." + std::to_string(4 + rng.below(6)) + "." + std::to_string(rng.below(4));
        else if (slot == "n")
            out += std::to_string(12 + rng.below(300));
        else if (slot == "pct")
            out += std::to_string(15 + 5 * rng.below(8));
        else if (slot == "link")
            out += link;
    }
    return out;
}

struct Phrase
{
    const char* english[8];
    const char* chinese[6];
};

constexpr Phrase kComments[] = {
    // Positive
    {{"Love this update!", "The new sync is so fast, thank you!", "Best notes app I've tried, and I tried them all.",
      "This is exactly what I needed.", "Great tip, didn't know that shortcut.",
      "Congrats on the launch, well deserved!", "Switched from Evernote last month, no regrets.",
      "Your support team is fantastic."},
     {"太好用了！", "同步速度快了很多，感谢团队！", "用了一年了，最喜欢的笔记软件。", "这个快捷键太实用了，学到了。",
      "恭喜发布，期待更多功能！", "客服回复很及时，点赞。"}},
    // Neutral
    {{"Does this work offline?", "Is there an export to Markdown?", "Which version is this in?",
      "Will the webinar be recorded?", "How does it compare to Obsidian?", "What's the roadmap for mobile?",
      "Is the API documented somewhere?", "Do you offer a student discount?"},
     {"支持离线使用吗？", "可以导出成 Markdown 吗？", "这是哪个版本的功能？", "直播有回放吗？", "和印象笔记比怎么样？",
      "有学生优惠吗？"}},
    // Negative
    {{"Sync broke after the update, I lost two notes.", "Still no Linux ARM build?",
      "The price went up again. Not happy.", "The app crashes when I open large PDFs.",
      "Support hasn't answered my email in a week.", "Dark mode is unreadable on my screen.",
      "Search is terribly slow since 2.8.", "Please stop moving the buttons around."},
     {"更新后同步出问题了，丢了两条笔记。", "又涨价了，有点失望。", "打开大的 PDF 就闪退。", "客服一周都没回复邮件。",
      "安卓版还是很卡。", "搜索越来越慢了，太糟糕了。"}},
};
constexpr const char* kEmojiPositive[] = {" 🎉", " 🙌", " 👍", " ❤️", " 🚀"};
constexpr const char* kEmojiNegative[] = {" 😞", " 😡", " 🙁"};

constexpr const char* kFirstEn[] = {"Anna", "James", "Sofia", "Liam",   "Emma",  "Noah",   "Olivia", "Lucas",
                                    "Mia",  "Ethan", "Chloe", "Daniel", "Grace", "Samuel", "Ava",    "Oscar"};
constexpr const char* kLastEn[] = {"Smith", "Brown",  "Taylor", "Wilson", "Clarke",  "Walker", "Evans", "Hughes",
                                   "Patel", "Murphy", "Reed",   "Foster", "Bennett", "Hayes",  "Cole",  "Price"};
constexpr const char* kFirstDe[] = {"Lena", "Jonas", "Marie", "Felix", "Hannah", "Paul", "Clara", "Tobias"};
constexpr const char* kLastDe[] = {"Keller", "Schmidt", "Weber", "Becker", "Hoffmann", "Wagner", "Krause", "Vogel"};
constexpr const char* kFirstEs[] = {"Lucia", "Mateo", "Carmen", "Diego", "Elena", "Pablo", "Sara", "Javier"};
constexpr const char* kLastEs[] = {"Garcia", "Lopez", "Martin", "Ruiz", "Torres", "Navarro", "Romero", "Vega"};
constexpr const char* kFirstJa[] = {"Yuki", "Haruto", "Aoi", "Ren", "Sakura", "Sota", "Hina", "Kaito"};
constexpr const char* kLastJa[] = {"Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto", "Kato"};

struct Hanzi
{
    const char* hanzi;
    const char* pinyin;
};
constexpr Hanzi kSurnamesZh[] = {{"王", "wang"}, {"李", "li"},   {"张", "zhang"}, {"刘", "liu"},
                                 {"陈", "chen"}, {"杨", "yang"}, {"黄", "huang"}, {"赵", "zhao"},
                                 {"周", "zhou"}, {"吴", "wu"},   {"林", "lin"},   {"郭", "guo"}};
constexpr Hanzi kGivenZh[] = {{"芳", "fang"},     {"伟", "wei"},     {"娜", "na"},       {"敏", "min"},
                              {"静", "jing"},     {"磊", "lei"},     {"洋", "yang"},     {"婷", "ting"},
                              {"杰", "jie"},      {"欣怡", "xinyi"}, {"浩然", "haoran"}, {"子涵", "zihan"},
                              {"宇航", "yuhang"}, {"雨桐", "yutong"}};

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

PostText composePost(DemoRandom& rng, Language language, int campaign, std::string_view utmCampaign)
{
    const bool zh = language == Language::Chinese;
    const Topic* topic = nullptr;
    if (campaign >= 0 && campaign < static_cast<int>(std::size(kCampaignTopics)) && rng.chance(0.7)) {
        topic = &kCampaignTopics[campaign];
    } else {
        double weights[std::size(kTopics)];
        for (std::size_t i = 0; i < std::size(kTopics); ++i)
            weights[i] = kTopics[i].weight;
        topic = &kTopics[rng.weighted(weights)];
    }
    std::string link = "https://lumennotes.example/";
    if (!utmCampaign.empty())
        link += "?utm_source=social&utm_medium=organic&utm_campaign=" + std::string(utmCampaign);

    PostText post;
    const char* pattern = zh ? topic->chinese[rng.below(3)] : topic->english[rng.below(3)];
    post.body = fill(rng, pattern, zh, link);
    post.tags.emplace_back(topic->tag);
    if (rng.chance(0.4)) {
        std::string extra = rng.pick(kExtraTags);
        if (extra != post.tags.front())
            post.tags.push_back(std::move(extra));
    }
    if (campaign >= 0 && post.tags.front() != "launch" && post.tags.front() != "event")
        post.tags.emplace_back(campaign == 2 ? "event" : "launch");

    // Hashtags: the brand tag plus one or two more, as a small team would add them.
    post.body += "\n\n";
    post.body += zh ? rng.pick(kHashtagsZh) : kHashtagsEn[0];
    const int more = 1 + rng.below(2);
    for (int i = 0; i < more; ++i) {
        const char* tag = zh ? rng.pick(kHashtagsZh) : rng.pick(kHashtagsEn);
        if (post.body.find(tag) == std::string::npos) {
            post.body += ' ';
            post.body += tag;
        }
    }
    // The title is the first clause (at most 60 bytes, whole characters): what the calendar shows.
    // The delimiters are searched as strings: their UTF-8 bytes also occur inside other characters.
    std::size_t cut = 60;
    for (const char* mark : zh ? std::vector<const char*>{"：", "，", "。", "！"} : std::vector<const char*>{":", ".", "!", "?"})
        cut = std::min(cut, post.body.find(mark));
    cut = std::min(cut, post.body.size());
    while (cut > 0 && cut < post.body.size() && (static_cast<unsigned char>(post.body[cut]) & 0xC0) == 0x80)
        --cut; // not inside a multi-byte character
    post.title = post.body.substr(0, cut);
    return post;
}

std::string composeComment(DemoRandom& rng, Language language, Tone tone)
{
    const Phrase& phrases = kComments[static_cast<int>(tone)];
    std::string text = language == Language::Chinese ? rng.pick(phrases.chinese) : rng.pick(phrases.english);
    if (tone == Tone::Positive && rng.chance(0.45))
        text += rng.pick(kEmojiPositive);
    else if (tone == Tone::Negative && rng.chance(0.3))
        text += rng.pick(kEmojiNegative);
    return text;
}

PersonName personName(DemoRandom& rng, std::string_view languageTag)
{
    PersonName name;
    if (languageTag == "zh") {
        const Hanzi& surname = rng.pick(kSurnamesZh);
        const Hanzi& given = rng.pick(kGivenZh);
        name.display = std::string(surname.hanzi) + given.hanzi;
        name.ascii = std::string(surname.pinyin) + "." + given.pinyin;
        return name;
    }
    const char* first = nullptr;
    const char* last = nullptr;
    if (languageTag == "de") {
        first = rng.pick(kFirstDe);
        last = rng.pick(kLastDe);
    } else if (languageTag == "es") {
        first = rng.pick(kFirstEs);
        last = rng.pick(kLastEs);
    } else if (languageTag == "ja") {
        first = rng.pick(kFirstJa);
        last = rng.pick(kLastJa);
    } else {
        first = rng.pick(kFirstEn);
        last = rng.pick(kLastEn);
    }
    name.display = std::string(first) + " " + last;
    name.ascii = lower(first) + "." + lower(last);
    return name;
}

} // namespace herald::engine::demo
