"""纯法律规则计算（不依赖 Django）。

本包只放可以用法条逐项核对的纯函数与数据：案号、诉讼费用、期间、审限、
小额诉讼/简易程序适用、身份证号与统一社会信用代码校验。每个公开函数的
docstring 都写明依据的法条；数据来源与核对情况见 shared/domain/court-domain.md。

凡领域文档中标 ⚠（未核实、各地做法不一）的事项，本包一律做成参数，
不在代码里写死猜测值。

子模块：

- :mod:`xiezhi.law.casenumber`  案号格式化与解析（《关于人民法院案件案号的若干规定》）
- :mod:`xiezhi.law.fees`        诉讼费用（《诉讼费用交纳办法》第十三条至第十八条）
- :mod:`xiezhi.law.periods`     期间计算（民事诉讼法第八十五条，民法典第二百零一条至第二百零三条）
- :mod:`xiezhi.law.timelimits`  审理期限、延长、扣除（民事诉讼法第一百五十二条等）
- :mod:`xiezhi.law.smallclaims` 小额诉讼与简易程序适用建议（民事诉讼法第一百六十五条至第一百六十九条）
- :mod:`xiezhi.law.identity`    居民身份证号码（GB 11643-1999）与统一社会信用代码（GB 32100-2015）
- :mod:`xiezhi.law.enforcement` 及 ``enforcement_*``  执行：申请执行期间、失信名单、网络拍卖、查控期限、
  财产调查、终本条件与定期查询、执行款、分配（民事诉讼法第二百五十条以下，失信规定，网拍规定，终本规定）
- :mod:`xiezhi.law.mediation`    委派、委托调解期限（特邀调解规定第二十七条，在线调解规则第二十四条）
- :mod:`xiezhi.law.confirmation` 司法确认的申请期间、管辖与审查期限（民事诉讼法第二百零五条、第一百八十七条）
- :mod:`xiezhi.law.assistance`   国家司法救助的对象、数额上限与审批期限

其余子模块（上诉、送达、文书、卷宗、庭审……）各在其 docstring 中写明依据。
"""
