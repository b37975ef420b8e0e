"""What the extractor looks for, as data: verbs, the nouns that end a name, what is never an
entry. Kept in one place so the rules can be read, tested and tuned without the code.

All text is Simplified Chinese (the importer converts Traditional sources).
"""

# --- honours -------------------------------------------------------------------------------
# Verbs by which a place or organisation receives an honour, longest first (被评为 before 评为).
HONOUR_VERBS = (
    "被评为", "被授予", "被命名为", "被确定为", "被认定为", "被表彰为", "被列为", "被选为",
    "被推选为", "被确认为", "荣获", "获评", "荣膺", "获授", "获得", "入选", "入围", "喜获", "斩获",
    "摘得", "评为", "命名为", "表彰为", "认定为", "确定为", "推选为", "确认为", "授予", "成为",
    "命名", "确认",
)
# Without 被 these say the place gave the honour (街道评为…): only the passive form counts.
PASSIVE_ONLY_HONOUR_VERBS = frozenset({"评为", "命名为", "表彰为", "认定为", "确定为", "推选为",
                                       "确认为"})
# 山东省民政厅授予怡园街道…称号: the awarder before the verb, the recipient right after it.
ACTIVE_AWARD_VERBS = frozenset({"授予"})
# 国家卫健委决定命名A为B, 全国爱卫会确认A为B、C为D: an authority names recipients as honours.
ACTIVE_NAMING_VERBS = frozenset({"命名", "确认"})
# With these verbs the object is an honour only if it says so (获得…使用权 is no honour) or an
# awarding body names it (被民政部认定为…发祥地).
WEAK_HONOUR_VERBS = frozenset({"获得", "入选", "入围", "被确定为", "被认定为", "被列为", "被选为",
                               "被确认为", "评为", "确定为", "认定为", "确认为", "授予", "成为",
                               "命名", "确认"})
# Words that make the object of a verb an honour: a title, an award, a model status.
HONOUR_WORDS = (
    "称号", "荣誉", "示范", "先进", "模范", "优秀", "标兵", "文明", "卫生", "奖", "百强", "十佳",
    "最美", "星级", "五星", "红旗", "标杆", "样板", "典型", "名单", "榜", "金牌", "优胜", "案例",
    "试点", "国家级",
)
# A proposal under public notice (拟命名省级卫生镇的有…, 待命名为“国家卫生县城”的…, 拟命名“X”名单).
PROPOSAL_PREFIX = ("拟推荐命名为", "拟推荐命名", "拟命名为", "待命名为", "拟命名", "待命名")
# Recipients that are named things, not places: “逢四说事”协商工作机制, 《…》案例.
THING_SUFFIXES = ("机制", "工作法", "案例", "模式", "品牌", "项目", "做法", "经验", "平台")
# 和 opening these is part of a name (和平里街道, 和谐社区), not a conjunction.
NAME_AFTER_HE = ("平", "谐", "顺", "睦", "美", "兴", "乐", "合", "悦", "园", "畅")
# How an honour's name ends; after one, 和/及 starts the next name (全国社会治理创新案例和南宁市…).
HONOUR_NAME_ENDS = ("案例", "单位", "集体", "社区", "示范点", "组织", "党支部", "工作法", "基地", "城市",
                    "县城", "乡镇", "村", "镇", "街道", "模范", "标兵", "先进个人")
# What closes a time frame around a clause (自天海社区成为…示范点后).
TIME_FRAME_ENDS = ("之后", "以后", "以来", "后")
# Trailing words that are not part of the honour's name.
HONOUR_NAME_SUFFIXES = ("等荣誉称号", "等称号", "等荣誉", "的光荣称号", "光荣称号", "荣誉称号",
                        "的称号", "称号", "荣誉", "名单", "榜单", "等")
# Titles only a person holds (全国五一劳动奖章, 省优秀青年企业家, 全国青年科技专家…): a person's
# honour, like a commemorative medal, is not a place's, whoever the sentence names.
PERSONAL_TITLE_ENDS = ("奖章", "劳动模范", "劳模", "先进个人", "优秀共产党员", "优秀党员", "工作者", "企业家",
                       "专家", "新星", "管理者", "委员", "能手", "之星")
# A list announced with the count each title gained: 公布的2021年度省级绿色制造名单中，全省新增省级
# 绿色工厂14家. The title before its count is the honour.
LIST_COUNT_UNITS = "家个所座项批"
# …and says it is one: a level (省级绿色工厂) or an honour word (示范, 先进…), not 就业岗位.
TITLE_LEVELS = ("国家级", "省级", "市级", "县级", "区级", "全国", "全省", "全市", "国家")
# Verbs that report who conferred an honour: 山东省民政厅发布…通知, 被市委授予.
AWARDING_VERBS = ("发布", "公布", "印发", "下发", "命名", "授予", "表彰", "评定", "认定", "确定",
                  "颁发", "通报")
# An awarding body ends with one of these (厅, 局, 委员会…).
AWARDER_SUFFIXES = ("委员会", "办公室", "办公厅", "总工会", "联合会", "人民政府", "政府", "妇联",
                    "团委", "协会", "组织部", "宣传部", "文明委", "中央", "爱卫会", "爱卫办", "老龄办",
                    "厅", "部", "局", "委", "院")

# --- initiatives ---------------------------------------------------------------------------
# Verbs saying a place created, launched or runs something, longest first.
INITIATIVE_VERBS = (
    "创新推出", "创新搭建", "创新打造", "创新推行", "探索推行", "探索建立", "创新建立",
    "推出", "搭建起", "搭建", "打造", "建立起", "建立", "建成", "成立", "组建", "启动",
    "推行", "实施", "实行", "创立", "创建", "设立", "开通", "上线", "构建", "推广", "践行",
    "采用", "试行", "开设", "首创", "开辟",
)
# Verbs that hold an event or run a programme: their object is an entry only when quoted
# (开展“三帮三助”活动, 举办首届“三月三”歌圩文化节), never a description (开展环境整治).
EVENT_VERBS = ("组织开展", "开展", "举办", "举行")
# What a quoted name after an event verb may be called, besides QUOTED_HEADS.
EVENT_HEADS = ("主题实践活动", "主题活动", "系列活动", "宣讲活动", "实践活动", "活动", "文化节", "艺术节",
               "节", "大赛", "竞赛", "评比", "比赛")
# 启动应急处置机制, 启动预案: a mechanism put into action, not one the place created (unless
# it is named in quotes).
ACTIVATION_VERBS = frozenset({"启动"})
ACTIVATED_HEADS = ("机制", "预案", "响应")
# 建立健全 etc. introduce a generic system, never a named initiative.
INITIATIVE_VERB_EXCLUSIONS = ("建立健全", "健全", "建立完善", "构建起", "实施方案", "建成区",
                              "推广应用")
# A quoted name may be followed by the kind of thing it names: “五单”工作法.
QUOTED_HEADS = (
    "工作法", "管理法", "法", "平台", "机制", "模式", "体系", "品牌", "联盟", "联合体", "工程",
    "项目", "服务队", "志愿队", "先锋队", "队伍", "队", "工作室", "专班", "中心", "驿站",
    "服务站", "服务点", "站", "之家", "家园", "课堂", "讲堂", "计划", "行动", "工作站", "APP",
    "小程序", "公众号", "热线", "清单", "制度", "网格", "群", "坊", "园", "室", "团",
)
# An unquoted name must end with one of these, stricter: 服务管理框架 is no initiative.
UNQUOTED_HEADS = (
    "联合体", "联盟", "服务点", "服务站", "驿站", "工作法", "平台", "机制", "品牌",
    "工作室", "服务队", "先锋队", "志愿服务队", "之家",
)  # not 工程: 燃气改造工程 is construction work, not an initiative
UNQUOTED_MIN_LENGTH = 6
# A quoted name called one of these is a named initiative wherever the sentence mentions it,
# with or without a verb of creating (依托“石榴籽驿站”, “北京丰台”APP启用): a quote and a kind
# make a proper name. Kinds that also name ordinary things (中心, 站, 群, 园) are not here.
NAMED_KINDS = (
    "工作法", "工作模式", "模式", "平台", "机制", "品牌", "联盟", "联合体", "驿站", "服务站", "服务点",
    "服务队", "志愿服务队", "志愿队", "先锋队", "宣讲队", "工作室", "讲堂", "课堂", "APP", "小程序",
    "工作组", "格局",
)
# A list of quoted names after an event verb ends with what they all are (全面开展“最清洁城乡”、
# “五水共治”等各项重点工作): each is then an entry, though none says its kind itself.
EVENT_LIST_ENDS = ("工作", "活动", "行动", "项目", "工程")
NAME_MAX_LENGTH = 30
# Descriptions, not names: 服务管理新模式, 社区管理新格局.
GENERIC_MARKERS = ("新模式", "新格局", "新路径", "新路子", "新机制", "新体系", "新平台", "新方法",
                   "长效机制", "工作机制", "新局面")
# Qualifiers before a name that are not part of it: 全区首批康复辅具社区租赁服务点.
RANKING_PREFIX = (r"^(?:了|起|出|好)?(?:全[国省市区县镇]|[省市区县]级|本[市区县])?"
                  r"(?:首[批个家座支套届期]|第[0-9一二三四五六七八九十百]+[批个家座届期次])?")

# --- never entries -------------------------------------------------------------------------
# Slogans and national policies: what a place follows, not what it launched.
NOT_INITIATIVES = (
    "不忘初心", "牢记使命", "扫黑除恶", "专项斗争", "主题教育", "两学一做", "乡村振兴",
    "精准扶贫", "脱贫攻坚", "放管服", "最多跑一次", "一次办好", "河长制", "林长制", "湖长制",
    "文明城市", "卫生城市", "三年行动", "专项整治", "枫桥经验", "垃圾分类", "双重预防",
    "厕所革命", "全民健身", "一带一路", "中国梦", "为人民服务", "办好百姓身边事", "新时代文明实践",
    "我为群众办实事", "安全生产月", "双报到", "领导小组", "全覆盖",
)
# Statements about the future or intentions are not facts about what was done.
FUTURE_MARKERS = ("将", "拟", "计划", "准备", "下一步", "争取", "力争", "预计", "即将", "打算")
# …and those that make a whole sentence a plan, wherever they stand before the verb
# (下一步，社区将聚焦…，构建…): unlike 将 or 计划, never part of a description of what was done.
PLAN_MARKERS = ("下一步", "即将", "将于", "打算")

# Words for the community or village an article is about.
COMMUNITY_SELF_REFERENCES = ("该社区", "本社区", "我社区", "该村", "本村", "我村")
# Words that name the place an article is about rather than another place.
SELF_REFERENCES = ("我街道", "本街道", "该街道", "街道", "我镇", "本镇", "该镇", "我乡", "该乡",
                   "我办事处", "本办事处", "该办事处", "办事处", "我办", "我们", "我区", "本区",
                   "该区")
# Organisations that stand for their place: 街道党工委 acts for the street.
PLACE_ORGAN_SUFFIXES = ("党工委", "党委", "党支部", "党总支", "居委会", "村委会", "办事处",
                        "工委", "管委会")
# Words in front of a subject that are not part of it.
# Single characters only where no place name starts with them (都江堰市, 共青城市, 曾家村).
LEADING_FILLERS = ("同时", "并且", "此外", "另外", "其中", "最终", "近日", "日前", "近期", "最近",
                   "今年以来", "今年", "去年", "目前", "先后", "相继", "再次", "首次", "推动", "促进",
                   "助推", "并", "还", "也", "又", "均", "已", "由", "据")
TRAILING_FILLERS = ("也", "还", "均", "都", "分别", "先后", "相继", "再次", "首次", "已经", "已",
                    "曾", "又", "共", "一举", "成功", "顺利", "被", "积极", "正式", "率先", "一同",
                    "共同", "同时", "近日", "日前", "今年")
# Endings of a recipient or actor: places and organisations.
ACTOR_SUFFIXES = (
    "街道", "社区", "村", "镇", "乡", "区", "县", "市", "省", "办事处", "居委会", "村委会",
    "党工委", "党委", "党支部", "党总支", "小区", "学校", "小学", "中学", "幼儿园", "医院",
    "卫生院", "护理院", "中心", "公司", "协会", "联合会", "派出所", "所", "站", "队", "局", "厅",
    "委员会", "支部", "单位", "集团", "企业", "银行", "馆", "组织", "街",
)
