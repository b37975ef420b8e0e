"""Fixture articles that follow the front-matter contract of DESIGN.md: every shape the site
must handle (day/month/year precision, undated, Traditional source, several topics, tags
whose pinyin collides, text that must be escaped)."""

DAY = """Title: 垎塔埠街道召开网格化治理推进会
Date: 2019-05-22
Date_precision: day
Kind: news
Province: 山东省
City: 枣庄市
District: 市中区
Street: 垎塔埠街道
Communities: 光明路社区,文化路社区
Topics: 网格化治理,社区治理
Tags: 社区,网格员
Publisher: 垎塔埠街道办事处
Source: 枣庄市市中区人民政府网站
Source_url: https://example.gov.cn/news/123.html
Author: 王明
Raw: raw/day.txt
Slug: grid-meeting-2019

5月22日，垎塔埠街道召开网格化治理推进会，部署下一阶段工作。

会议要求各社区网格员每日巡查，及时上报问题。
"""

YEAR = """Title: 中山西路街道2022年工作总结
Date: 2022-01-01
Date_precision: year
Kind: report
Province: 内蒙古自治区
City: 呼和浩特市
District: 回民区
Street: 中山西路街道
Topics: 疫情防控,环境卫生,党建引领
Tags: 设区,工作总结
Review: date
Raw: raw/year.txt
Slug: zhongshan-west-2022-report

2022年，中山西路街道结合辖区特点，积极主动开展各项工作。

## 一、疫情防控工作常态推进

自疫情发生以来，街道党工委提高站位，全力以赴推进疫情防控。

### 1. 快速行动，周密部署

组织机关、社区干部、网格员全面参与。

## 二、城市建设、生态环境持续提升

制定卫生管理制度，落实责任，进行定期检查。

## 三、党建引领基层治理

发挥基层党组织战斗堡垒作用。
"""

MONTH = """Title: 黄岛区开展老旧小区改造<入户>调查 & 回访
Date: 2021-03-01
Date_precision: month
Kind: news
Province: 山东省
City: 青岛市
District: 黄岛区
Topics: 老旧小区改造
Tags: <b>改造</b>
Source_script: zh-Hant
Raw: raw/month.txt
Slug: huangdao-renewal-2021-03

黃島區開展老舊小區改造入戶調查，收集居民意見。
"""

UNDATED = """Title: 某社区志愿服务活动纪实
Date_precision: unknown
Kind: news
Province: 山东省
City: 枣庄市
District: 市中区
Topics: 文明实践
Review: date
Raw: raw/undated.txt
Slug: volunteer-record

社区志愿者开展文明实践活动，日期不详。
"""

NO_PLACE = """Title: 基层减负工作情况报告
Date: 2020-12-31
Date_precision: day
Kind: report
Topics: 社区治理
Raw: raw/noplace.txt
Slug: burden-reduction-2020

各地基层减负工作取得阶段性成效。
"""

ARTICLES = {
    "grid-meeting-2019.md": DAY,
    "zhongshan-west-2022-report.md": YEAR,
    "huangdao-renewal-2021-03.md": MONTH,
    "volunteer-record.md": UNDATED,
    "burden-reduction-2020.md": NO_PLACE,
}

PAGES = {
    "about.md": "Title: 关于本站\nSlug: about\n\n基层档案收录基层公开发布的新闻与工作报告。\n",
    "guide.md": "Title: 编辑指南\nSlug: guide\n\n编辑修改 content/articles/ 下的文章。\n",
}
