"""Fixture articles for the search tests: real places from the gazetteer, several topics,
years, kinds, an undated article and one whose text holds markup-like strings."""


def article(title, slug, body, *, date="2022-09-15", precision=None, kind="news",
            province="山东省", city="枣庄市", district="市中区", street="垎塔埠街道",
            communities="", topics="", tags=""):
    lines = [f"Title: {title}"]
    if date:
        lines.append(f"Date: {date}")
    lines.append(f"Date_precision: {precision or ('day' if date else 'unknown')}")
    lines += [f"Kind: {kind}", f"Province: {province}", f"City: {city}",
              f"District: {district}", f"Street: {street}"]
    if communities:
        lines.append(f"Communities: {communities}")
    if topics:
        lines.append(f"Topics: {topics}")
    if tags:
        lines.append(f"Tags: {tags}")
    lines += [f"Raw: raw/{slug}.txt", f"Slug: {slug}"]
    return "\n".join(lines) + "\n\n" + body.strip() + "\n"


ARTICLES = {
    "getabu.md": article(
        "垎塔埠街道召开新闻发布会", "getabu-press",
        """垎塔埠街道党工委副书记介绍，今年以来街道完成老旧小区改造12个，惠及居民3000余户。

街道把网格员队伍建设作为基层治理的基础，全街道划分网格86个，网格员每天走访入户。""",
        topics="老旧小区改造, 网格化治理", tags="发布会", communities="寨北社区"),
    "yiyuan.md": article(
        "怡园街道寨北社区荣获全省和谐社区建设示范单位称号", "yiyuan-honour",
        """近日，山东省民政厅发布通知，怡园街道荣获全省和谐社区建设示范街道荣誉称号，
寨北社区也获得全省和谐示范社区称号。街道加强网格化建设，提升社区服务效能。""",
        date="2021-06-01", precision="month", street="", district="市中区",
        topics="网格化治理", tags="荣誉"),
    "lingshanwei.md": article(
        "灵山卫街道聚智聚力回应群众关切", "lingshanwei-people",
        """全区“办好百姓身边事”集中行动开展以来，灵山卫街道聚焦民生的重点、难点问题，
践行“五心”群众工作法。以前小区居民反映的停车难问题得到解决，老旧小区加装电梯12部。""",
        date="2019-05-22", city="青岛市", district="黄岛区", street="灵山卫街道",
        topics="便民服务, 老旧小区改造"),
    "zhongshan.md": article(
        "中山西路街道2022年工作总结", "zhongshan-2022",
        """2022年，中山西路街道在区委、区政府的正确领导下，全面完成各项工作任务。

疫情防控工作常态推进，核酸检测覆盖全部社区。网格员参与健康监测。<script>alert("x")</script>""",
        date="2022-01-01", precision="year", kind="report", province="内蒙古自治区",
        city="呼和浩特市", district="回民区", street="中山西路街道", topics="疫情防控, 网格化治理"),
    "plan.md": article(
        "街道2020年上半年工作总结和下半年工作计划", "street-2020-plan",
        """2020年上半年，街道坚持“不忘初心，牢记使命”，扎实推进各项工作任务。
一是扎实推进党代表工作室建设；二是推进5G基站和APP平台建设，群众办事更便捷。""",
        date=None, kind="report", province="", city="", district="", street="",
        topics="党建引领"),
}

# (query, slugs that must be found, slugs that must not be)
QUERIES = [
    ("老旧小区改造", {"getabu-press"}, {"zhongshan-2022"}),
    ("老旧小区", {"getabu-press", "lingshanwei-people"}, set()),
    ("网格员", {"getabu-press", "zhongshan-2022"}, {"lingshanwei-people"}),
    ("枣庄", {"getabu-press", "yiyuan-honour"}, {"lingshanwei-people"}),
    ("棗莊", {"getabu-press", "yiyuan-honour"}, {"lingshanwei-people"}),
    ("社區", {"yiyuan-honour", "zhongshan-2022"}, set()),
    ("垎塔埠", {"getabu-press"}, {"yiyuan-honour"}),
    ("灵山卫街道", {"lingshanwei-people"}, {"getabu-press"}),
    ("疫情防控 核酸", {"zhongshan-2022"}, {"getabu-press"}),
    ("５Ｇ", {"street-2020-plan"}, set()),
    ("app", {"street-2020-plan"}, set()),
    ("党建引领", {"street-2020-plan"}, set()),
    ("不存在的事情", set(), {"getabu-press", "yiyuan-honour", "lingshanwei-people",
                             "zhongshan-2022", "street-2020-plan"}),
]
