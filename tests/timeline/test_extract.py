"""The extraction table: sentence → expected entries (type, name, who, awarded_by, date).

`who` is as the sentence states it ("" means the sentence names no one: the entry belongs to
the place the article is about). Dates are ISO at their precision, "" when unknown.
"""
import pytest

from plugins.article_meta.dates import PreciseDate

parse_iso = PreciseDate.parse_iso
from plugins.timeline.extract import clauses, extract

REPORT_DATE = "2022-09-15"

CASES = [
    # --- honours -----------------------------------------------------------------------
    {"id": "seed-004-two-recipients-awarder",
     "sentence": "近日，山东省民政厅发布了《关于确定全省和谐社区建设示范单位的通知》，怡园街道荣获了"
                 "全省和谐社区建设示范街道荣誉称号，同时街道寨北社区也获得全省和谐示范社区称号。",
     "expected": [("honour", "全省和谐社区建设示范街道", "怡园街道", "山东省民政厅", REPORT_DATE),
                  ("honour", "全省和谐示范社区", "寨北社区", "山东省民政厅", REPORT_DATE)]},
    {"id": "list-of-recipients",
     "sentence": "寨北社区、东涝台社区和卧龙山社区被评为市级文明社区。",
     "expected": [("honour", "市级文明社区", "寨北社区", None, REPORT_DATE),
                  ("honour", "市级文明社区", "东涝台社区", None, REPORT_DATE),
                  ("honour", "市级文明社区", "卧龙山社区", None, REPORT_DATE)]},
    {"id": "recipients-paired-by-fenbie",
     "sentence": "寨北社区、东涝台社区分别荣获“全国示范社区”“省级文明社区”称号。",
     "expected": [("honour", "全国示范社区", "寨北社区", None, REPORT_DATE),
                  ("honour", "省级文明社区", "东涝台社区", None, REPORT_DATE)]},
    {"id": "passive-with-awarder-and-year",
     "sentence": "2021年，怡园街道被威海市委组织部评为先进基层党组织。",
     "expected": [("honour", "先进基层党组织", "怡园街道", "威海市委组织部", "2021")]},
    {"id": "awarded-by-in-object",
     "sentence": "今年5月，街道荣获由山东省总工会颁发的“工人先锋号”称号。",
     "expected": [("honour", "工人先锋号", "街道", "山东省总工会", "2022-05")]},
    {"id": "place-names-starting-like-fillers-stay-whole",
     "sentence": "都江堰市和共青城市荣获全国文明城市提名城市称号。",
     "expected": [("honour", "全国文明城市提名城市", "都江堰市", None, REPORT_DATE),
                  ("honour", "全国文明城市提名城市", "共青城市", None, REPORT_DATE)]},
    {"id": "honour-named-after-a-national-campaign-is-an-honour",
     "sentence": "街道被评为全省扫黑除恶专项斗争先进集体。",
     "expected": [("honour", "全省扫黑除恶专项斗争先进集体", "街道", None, REPORT_DATE)]},
    {"id": "recipient-starting-like-a-filler",
     "sentence": "曾家村荣获省级卫生村称号。",
     "expected": [("honour", "省级卫生村", "曾家村", None, REPORT_DATE)]},
    {"id": "honour-without-subject",
     "sentence": "荣获全国文明单位称号。",
     "expected": [("honour", "全国文明单位", "", None, REPORT_DATE)]},
    {"id": "active-award-names-awarder-then-recipient",
     "sentence": "2020年12月，山东省民政厅授予怡园街道“全省和谐社区建设示范街道”称号。",
     "expected": [("honour", "全省和谐社区建设示范街道", "怡园街道", "山东省民政厅", "2020-12")]},
    {"id": "passive-award-with-agent",
     "sentence": "寨北社区被威海市人民政府命名为市级卫生社区。",
     "expected": [("honour", "市级卫生社区", "寨北社区", "威海市人民政府", REPORT_DATE)]},
    {"id": "active-naming-is-given-not-received",
     "sentence": "街道评为优秀网格员的共有12人。",
     "expected": []},
    {"id": "honour-of-a-person-is-not-a-place-honour",
     "sentence": "寨北社区党委书记王芳荣获全国优秀共产党员称号。",
     "expected": []},
    {"id": "quoted-honours-listed",
     "sentence": "近年来，寨北社区先后获得“全国和谐社区建设示范社区”“山东省文明社区”等荣誉称号。",
     "expected": [("honour", "全国和谐社区建设示范社区", "寨北社区", None, REPORT_DATE),
                  ("honour", "山东省文明社区", "寨北社区", None, REPORT_DATE)]},
    {"id": "selected-into-a-list",
     "sentence": "该村入选第二批全国乡村治理示范村名单。",
     "expected": [("honour", "第二批全国乡村治理示范村", "该村", None, REPORT_DATE)]},
    {"id": "second-clause-continues-the-subject",
     "sentence": "街道荣获2019年度全市综合考核先进单位，并被评为全省平安建设先进集体。",
     "expected": [("honour", "2019年度全市综合考核先进单位", "街道", None, "2019"),
                  ("honour", "全省平安建设先进集体", "街道", None, "2019")]},
    {"id": "active-award-to-an-organ-of-the-place",
     "sentence": "区委组织部授予街道党工委“五星级党组织”称号。",
     "expected": [("honour", "五星级党组织", "街道党工委", "区委组织部", REPORT_DATE)]},
    {"id": "count-of-honours-is-not-a-name",
     "sentence": "近年来，社区先后获得全国综合减灾示范社区、省级文明社区等多项荣誉。",
     "expected": [("honour", "全国综合减灾示范社区", "社区", None, REPORT_DATE),
                  ("honour", "省级文明社区", "社区", None, REPORT_DATE)]},
    {"id": "selected-as-a-case",
     "sentence": "该做法得到了省委主要领导的肯定，并入选全国基层治理创新案例。",
     "expected": [("honour", "全国基层治理创新案例", "", None, REPORT_DATE)]},
    {"id": "the-right-to-use-is-no-honour",
     "sentence": "具体是通过向以上人员群体提供“以租代购”服务，从而获得康复辅助器具的使用权。",
     "expected": []},
    {"id": "sense-of-gain-is-no-honour",
     "sentence": "不断提升辖区人民的幸福感和获得感，为群众谋福祉。",
     "expected": []},
    {"id": "praise-is-no-honour",
     "sentence": "尤其是龙光南路改造工程的实施，赢得了群众的一致好评。",
     "expected": []},
    # Real sentences of the development set (tests/data/devset), one per shape.
    {"id": "d013-list-goes-on-over-clauses",
     "sentence": "先后荣获全国和谐社区建设示范社区，全国妇联组织建设示范社区；省减灾先进社区、省“三优”文明城市示范社区，"
                 "市“创业、创新、创优”先进基层党组织等荣誉称号。",
     "expected": [("honour", "全国和谐社区建设示范社区", "", None, REPORT_DATE),
                  ("honour", "全国妇联组织建设示范社区", "", None, REPORT_DATE),
                  ("honour", "省减灾先进社区", "", None, REPORT_DATE),
                  ("honour", "省“三优”文明城市示范社区", "", None, REPORT_DATE),
                  ("honour", "市“创业、创新、创优”先进基层党组织", "", None, REPORT_DATE)]},
    {"id": "d006-two-passives-with-agents",
     "sentence": "推动2家基层党组织被市委组织部命名为“春城先锋示范党支部”、1家基层党组织被省委组织部命名为“云岭先锋红旗党支部”。",
     "expected": [("honour", "春城先锋示范党支部", "2家基层党组织", "市委组织部", REPORT_DATE),
                  ("honour", "云岭先锋红旗党支部", "1家基层党组织", "省委组织部", REPORT_DATE)]},
    {"id": "d006-pilot-designated-by-an-authority",
     "sentence": "景星街社区被团中央确定为共青团城市基层组织改革试点单位（全省仅2家），并入围云南省共青团城市基层组织改革"
                 "试点总结评估优秀社区名单。",
     "expected": [("honour", "共青团城市基层组织改革试点单位", "景星街社区", "团中央", REPORT_DATE),
                  ("honour", "云南省共青团城市基层组织改革试点总结评估优秀社区", "景星街社区", None, REPORT_DATE)]},
    {"id": "d006-dated-recipient-and-open-quote",
     "sentence": "2023年11月南屏步行街被确认为第三批“全国示范步行街。",
     "expected": [("honour", "第三批“全国示范步行街", "南屏步行街", None, "2023-11")]},
    {"id": "d006-a-named-case-is-honoured",
     "sentence": "其中《以“五融”党建赋能商业街区高质量发展》案例入选全国社会治理创新案例。",
     "expected": [("honour", "全国社会治理创新案例", "《以“五融”党建赋能商业街区高质量发展》案例", None, REPORT_DATE)]},
    {"id": "d017-authority-names-recipients",
     "sentence": "国家卫生健康委、全国老龄办决定命名北京市东城区和平里街道东河沿社区等999个社区为2023年全国示范性老年友好型社区。",
     "expected": [("honour", "2023年全国示范性老年友好型社区", "北京市东城区和平里街道东河沿社区等999个社区", "全国老龄办",
                   "2023")]},
    {"id": "d046-authority-confirms-a-list",
     "sentence": "全国爱卫会下发文件重新确认胶州市为国家卫生城市、黄岛区长江路街道为国家卫生镇，命名黄岛区黄岛街道为国家卫生镇。",
     "expected": [("honour", "国家卫生城市", "胶州市", "全国爱卫会", REPORT_DATE),
                  ("honour", "国家卫生镇", "黄岛区长江路街道", "全国爱卫会", REPORT_DATE),
                  ("honour", "国家卫生镇", "黄岛区黄岛街道", "全国爱卫会", REPORT_DATE)]},
    {"id": "d018-proposal-with-its-list",
     "sentence": "拟命名省级卫生镇的有鹤上镇、江田镇。",
     "expected": [("honour", "省级卫生镇", "鹤上镇", None, REPORT_DATE),
                  ("honour", "省级卫生镇", "江田镇", None, REPORT_DATE)]},
    {"id": "d018-announced-list-is-not-yet-named",
     "sentence": "我区公示一批拟命名省级卫生镇、卫生村和卫生社区名单。",
     "expected": []},
    {"id": "d016-quoted-proposal",
     "sentence": "省爱卫办决定对待命名为“国家卫生县城”的遵义市绥阳县等10个县进行社会公示。",
     "expected": [("honour", "国家卫生县城", "", None, REPORT_DATE)]},
    {"id": "d031-chosen-as",
     "sentence": "其中，和平区新兴街朝阳里社区、南开区向阳路街昔阳里社区被推选为全国最美志愿服务社区。",
     "expected": [("honour", "全国最美志愿服务社区", "和平区新兴街朝阳里社区", None, REPORT_DATE),
                  ("honour", "全国最美志愿服务社区", "南开区向阳路街昔阳里社区", None, REPORT_DATE)]},
    {"id": "d031-designated-by-a-ministry",
     "sentence": "2009年3月，和平区新兴街被民政部认定为全国社区志愿者组织发祥地。",
     "expected": [("honour", "全国社区志愿者组织发祥地", "和平区新兴街", "民政部", "2009-03")]},
    {"id": "d031-qualifier-shared-by-two-quoted-titles",
     "sentence": "该社区在大家的共同努力下获得天津市“美丽社区”和“文明社区”称号。",
     "expected": [("honour", "天津市“美丽社区”", "该社区", None, REPORT_DATE),
                  ("honour", "天津市“文明社区”", "该社区", None, REPORT_DATE)]},
    {"id": "d037-a-named-mechanism-is-honoured",
     "sentence": "“逢四说事”协商工作机制被评为全国优秀社区工作法、全国社会治理创新案例和南宁市优秀案例。",
     "expected": [("honour", "全国优秀社区工作法", "“逢四说事”协商工作机制", None, REPORT_DATE),
                  ("honour", "全国社会治理创新案例", "“逢四说事”协商工作机制", None, REPORT_DATE),
                  ("honour", "南宁市优秀案例", "“逢四说事”协商工作机制", None, REPORT_DATE)]},
    {"id": "d038-became-in-a-time-frame",
     "sentence": "据悉，自天海社区成为海口市“文明社区”示范点后，社区积极整合资源。",
     "expected": [("honour", "海口市“文明社区”示范点", "天海社区", None, REPORT_DATE)]},
    {"id": "d038-designations-before-their-holders",
     "sentence": "海口市秀英区积极推进“文明背街小巷”示范点长流镇美德村、“公益广告宣传”示范点海秀街道东方洋路等示范点建设。",
     "expected": [("honour", "“文明背街小巷”示范点", "长流镇", None, REPORT_DATE),
                  ("honour", "“公益广告宣传”示范点", "海秀街道", None, REPORT_DATE)]},
    {"id": "becoming-a-place-to-go-is-no-honour",
     "sentence": "成为居民文化休闲的好去处。",
     "expected": []},
    # --- initiatives -------------------------------------------------------------------
    {"id": "seed-002-platform",
     "sentence": "一是创立“吾事五说”议事平台。",
     "expected": [("initiative", "“吾事五说”议事平台", "", None, REPORT_DATE)]},
    {"id": "seed-002-working-method",
     "sentence": "二是探索推行“五单”工作法。",
     "expected": [("initiative", "“五单”工作法", "", None, REPORT_DATE)]},
    {"id": "seed-001-smart-platform-not-the-slogan",
     "sentence": "整合诉求渠道，创新搭建“融e通”智慧平台，实现“一方采集、多方使用”的共建共治效果。",
     "expected": [("initiative", "“融e通”智慧平台", "", None, REPORT_DATE)]},
    {"id": "seed-001-unquoted-service-point",
     "sentence": "最近街道联合辖区内东湖护理院建立了全区首批康复辅具社区租赁服务点，有效的满足残疾人康复服务需求。",
     "expected": [("initiative", "康复辅具社区租赁服务点", "街道", None, REPORT_DATE)]},
    {"id": "seed-000-alliance-and-brand",
     "sentence": "中山西路街道党工委继续在“红色商圈”城市基层党建上下功夫，由街道党工委牵头成立中山西路街道"
                 "商圈共赢发展党建联合体，推动红色商圈实体化运作，定期组织商圈联席会议。",
     "expected": [("initiative", "中山西路街道商圈共赢发展党建联合体", "街道", None, REPORT_DATE),
                  ("initiative", "“红色商圈”", "", None, REPORT_DATE)]},
    {"id": "seed-003-practised-method",
     "sentence": "灵山卫街道聚焦关系民生的重点、难点问题，践行“五心”群众工作法，切实办好百姓身边事。",
     "expected": [("initiative", "“五心”群众工作法", "灵山卫街道", None, REPORT_DATE)]},
    {"id": "seed-004-alliances",
     "sentence": "按“聚大联强”思路，组建“怡园先锋联盟”，整合辖区内一百余家党组织，搭建区域化党组织联建平台；"
                 "按“整合小微”思路，组建“企业先锋联盟”“商圈先锋联盟”等行业党组织联盟。",
     "expected": [("initiative", "“怡园先锋联盟”", "", None, REPORT_DATE),
                  ("initiative", "区域化党组织联建平台", "", None, REPORT_DATE),
                  ("initiative", "“企业先锋联盟”", "", None, REPORT_DATE),
                  ("initiative", "“商圈先锋联盟”", "", None, REPORT_DATE)]},
    {"id": "second-verb-continues-the-actor",
     "sentence": "社区创新推出“e家通”小程序，搭建“红色驿站”服务点。",
     "expected": [("initiative", "“e家通”小程序", "社区", None, REPORT_DATE),
                  ("initiative", "“红色驿站”服务点", "社区", None, REPORT_DATE)]},
    {"id": "actor-of-the-sentence-opening",
     "sentence": "街道以党建为引领，搭建了“三社联动”服务平台，组建了社工、志愿者队伍。",
     "expected": [("initiative", "“三社联动”服务平台", "街道", None, REPORT_DATE)]},
    {"id": "district-organ-acts-scope-words-do-not",
     "sentence": "全区“办好百姓身边事”行动开展以来，区党工委建立“街呼区应、上下联动”的吹哨报到机制。",
     "expected": [("initiative", "吹哨报到机制", "区党工委", None, REPORT_DATE)]},
    {"id": "quoted-name-ending-like-a-description",
     "sentence": "我街道在全区率先建立“街长制”工作机制。",
     "expected": [("initiative", "“街长制”工作机制", "我街道", None, REPORT_DATE)]},
    {"id": "mechanism-named-after-a-slogan",
     "sentence": "建立“街呼区应、上下联动”的吹哨报到机制，增强了镇街的统筹管理能力。",
     "expected": [("initiative", "吹哨报到机制", "", None, REPORT_DATE)]},
    {"id": "team-with-date-of-month",
     "sentence": "2019年5月，灵山卫街道成立“红色管家”志愿服务队。",
     "expected": [("initiative", "“红色管家”志愿服务队", "灵山卫街道", None, "2019-05")]},
    {"id": "day-without-year-takes-the-report-year",
     "sentence": "6月30日，该街道启动“邻里守望”平台。",
     "expected": [("initiative", "“邻里守望”平台", "该街道", None, "2022-06-30")]},
    {"id": "cut-off-date-is-no-event-date",
     "sentence": "截至2022年8月，街道推行“五单”工作法。",
     "expected": [("initiative", "“五单”工作法", "街道", None, REPORT_DATE)]},
    # --- never entries -----------------------------------------------------------------
    {"id": "slogan",
     "sentence": "坚持“不忘初心，牢记使命”，以让群众“办事省心、服务舒心”为工作动力。",
     "expected": []},
    {"id": "slogan-after-a-verb",
     "sentence": "推行“民有所需、我有所应”，不划线设界。",
     "expected": []},
    {"id": "national-campaign",
     "sentence": "打好扫黑除恶专项斗争收官之战，广泛开展扫黑除恶专项斗争宣传教育工作。",
     "expected": []},
    {"id": "national-campaign-with-verb",
     "sentence": "实施“扫黑除恶专项斗争”，推行双重预防体系建设。",
     "expected": []},
    {"id": "national-programme",
     "sentence": "开展安全生产专项整治三年行动、冬季安全生产大检查。",
     "expected": []},
    {"id": "plan-for-the-future",
     "sentence": "下一步，该街道还将成立“民生”工作专班，专门研究制定攻坚方案。",
     "expected": []},
    {"id": "generic-system",
     "sentence": "街道积极建立健全督查反馈机制，形成周例会、月调度的工作模式。",
     "expected": []},
    {"id": "generic-new-model",
     "sentence": "街道全力构建“网络全覆盖、专群一体化”的服务管理新模式。",
     "expected": []},
    {"id": "one-description-with-a-comma",
     "sentence": "建立一门受理、协助办理机制。",
     "expected": []},
    {"id": "counted-teams-are-not-names",
     "sentence": "组建了294人的党员服务队、10支党员先锋队。",
     "expected": []},
    {"id": "branch-of-a-brand",
     "sentence": "各社区打造专属自己的“吾事五说”之系列品牌。",
     "expected": []},
    {"id": "description-after-quote",
     "sentence": "实施“8+16”全天候管理，强化在职党员的管理。",
     "expected": []},
    {"id": "brand-run-only-when-named-in-quotes",
     "sentence": "推动红色商圈实体化运作。",
     "expected": []},
    {"id": "construction-work",
     "sentence": "二是实施明珠佳苑暖气改造工程，该项目于6月29日开工。",
     "expected": []},
    {"id": "leading-group",
     "sentence": "该街道成立“办好百姓身边事”工作领导小组。",
     "expected": []},
    # --- saved pages (tests/data/devset-html) ---------------------------------------------
    # d074: a person's titles, in a clause that names no one, are not the place's.
    {"id": "d074-a-persons-titles",
     "sentence": "年获国务院政府特殊津贴，并获得全国五一劳动奖章、全国青年科技专家、全国农机标准化委员会委员、农机协会优秀工作者、"
                 "省优秀青年企业家、青年科技新星、优秀质量管理者、省首届“五一”劳动奖章等光荣称号",
     "expected": []},
    {"id": "a-units-title-beside-a-persons",
     "sentence": "公司荣获全国五一劳动奖状、全国五一劳动奖章等称号。",
     "expected": [("honour", "全国五一劳动奖状", "公司", None, REPORT_DATE)]},
    # d064: a published list and the count each title gained.
    {"id": "d064-list-with-counts",
     "sentence": "在我省近期公布的2021年度省级绿色制造名单中，全省新增省级绿色工厂14家，其中昆明市3家、楚雄彝族自治州3家；"
                 "曲靖市、玉溪市、普洱市各有2家。",
     "expected": [("honour", "省级绿色工厂", "全省14家", None, "2021")]},
    {"id": "a-count-in-a-list-is-no-title",
     "sentence": "在公布的名单中，今年新增就业岗位1200个。",
     "expected": []},
    {"id": "d064-selected-into-national-lists",
     "sentence": "近日，工信部发布2021年度绿色制造名单，我省15家企业入选国家级绿色工厂，17种产品入选国家级绿色设计产品，"
                 "1个园区入选国家级绿色园区。",
     "expected": [("honour", "国家级绿色工厂", "我省15家企业", "工信部", "2021"),
                  ("honour", "国家级绿色园区", "1个园区", "工信部", "2021")]},
    # d070: a mechanism put into action is not one the place created.
    {"id": "d070-activated-mechanism",
     "sentence": "开学前学校要与属地社区做好对接，确保一旦发生疫情，迅速启动应急处置机制，及时有效应对突发情况。",
     "expected": []},
    {"id": "launched-named-mechanism-is-still-an-initiative",
     "sentence": "街道启动“三长”联动机制。",
     "expected": [("initiative", "“三长”联动机制", "街道", None, REPORT_DATE)]},
]


def _as_tuples(candidates):
    return [(c.type, c.name, c.who, c.awarded_by, c.date.iso or "") for c in candidates]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sentence_gives_expected_entries(case):
    assert _as_tuples(extract(case["sentence"], parse_iso(REPORT_DATE))) == case["expected"]


def test_entry_date_says_where_it_came_from():
    stated, = extract("2021年，怡园街道被威海市委组织部评为先进基层党组织。", parse_iso(REPORT_DATE))
    assert (stated.date_source, stated.date.precision) == ("sentence", "year")
    inherited, = extract("二是探索推行“五单”工作法。", parse_iso("2020-07"))
    assert (inherited.date_source, inherited.date.iso) == ("article", "2020-07")


def test_undated_article_gives_undated_entries_never_a_made_up_date():
    entry, = extract("6月30日，该街道启动“邻里守望”平台。", PreciseDate.unknown())
    assert not entry.date.known and entry.date.iso == "" and entry.date.label == "日期不详"


def test_a_december_date_in_a_january_report_is_the_previous_year():
    entry, = extract("12月20日，该街道启动“邻里守望”平台。", parse_iso("2023-01-10"))
    assert entry.date.iso == "2022-12-20"


def test_half_width_punctuation_splits_clauses_too():
    # Sources typed on Western keyboards use , and ; (the importer normally converts them).
    found = extract("近日,山东省民政厅发布了通知,怡园街道荣获了全省和谐社区建设示范街道荣誉称号。",
                    parse_iso(REPORT_DATE))
    assert _as_tuples(found) == [("honour", "全省和谐社区建设示范街道", "怡园街道", "山东省民政厅",
                                  REPORT_DATE)]


def test_clauses_do_not_break_inside_quotes():
    sentence = "坚持“不忘初心，牢记使命”，创立“吾事五说”议事平台。"
    assert [sentence[s:e] for s, e in clauses(sentence)] == ["坚持“不忘初心，牢记使命”",
                                                             "创立“吾事五说”议事平台"]
