"""The explorer page's section of :mod:`c2graph.messages`: its strings, by key, in each language.

Every key starts ``explore.``; the page (:mod:`c2graph.explore`) sends the section of the
chosen language to its script as one JSON object (the key without ``explore.``), and the
script takes every interface string from it.  ``{field}`` marks what the script fills in.
The English shortcut texts are those of :data:`c2graph.explore.keys.SHORTCUTS`; the
English relation meanings and doctrine those of :data:`c2graph.vocabulary.RELATIONS`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .vocabulary import (
    ALL_LAYERS,
    CONFIDENCE_LEVELS,
    DECISION_KINDS,
    NODE_KINDS,
    RELATIONS,
    Layer,
)

__all__ = ["EXPLORE_ENGLISH", "explore_japanese"]

_LAYERS = (*(layer.value for layer in Layer), ALL_LAYERS)
_SCOPES = ("national", "combined", "foreign")
_KINDS = (*NODE_KINDS, *DECISION_KINDS)

_ENGLISH: dict[str, str] = {
    # the page frame
    "title": "c2graph explorer: {models}",
    "title.none": "c2graph explorer",
    "model": "Model",
    "chains_in": "Chains in {layer} layer",
    "search": "Search id or name (English, 日本語)",
    "search.label": "Search nodes",
    "phases.label": "Phases and scenarios",
    "noscript": "The explorer needs JavaScript; the chart shows every phase at once.",
    "zoom.in": "zoom in (+)",
    "zoom.out": "zoom out (-)",
    "zoom.fit": "fit (0)",
    "keyboard": "Keyboard",
    "made_by": "Made by c2graph {version}.",
    # words the script joins and fills in
    "locale": "en-GB",
    "days": "Sun Mon Tue Wed Thu Fri Sat",
    "utc": "{day} {time} (UTC{offset})",
    "sep": ", ",
    "other_name": "{lang}: ",
    "kind_of": "{kind} · {nation}",
    "arrow": "{from} → {to}",
    "field_change": "{field}: {before} → {after}",
    "removed": "{name} ({id})",
    # the start
    "explore": "Explore",
    "intro": (
        "Click a node for its chains of command up and down, its superiors, subordinates, "
        "counterparts and single points of failure; click a link for its meaning, phases, "
        "legal basis and source. Pick a phase or scenario above: the links that activate "
        "or lapse since the phase before are marked."
    ),
    "swatch.up": "chain of command up to the selected node",
    "swatch.down": "chains down from the selected node",
    "swatch.on": "link activated",
    "swatch.off": "link lapsed (no longer holds)",
    "swatch.added": "added in the variant",
    "swatch.changed": "changed in the variant",
    # a node
    "field.id": "id",
    "field.kind": "kind",
    "field.location": "location",
    "field.local_time": "local time now",
    "field.short": "short",
    "field.echelon": "echelon",
    "field.clock": "clock",
    "field.source": "source",
    "field.confidence": "confidence",
    "field.note": "note",
    "absent": "Not part of the structure in {phase}.",
    "record": "Record",
    "where": "{layer} layer, {phase}",
    "chains_up": "Chains of command to it ({where})",
    "effective": " — effective: {authority}",
    "scope": "; {scope} chain",
    "consent": ", rests on the consent of {nodes}",
    "none_in_layer": "None in this layer.",
    "superiors": "Superiors",
    "subordinates": "Subordinates",
    "reaches": "Reaches down its chains ({count})",
    "nothing_below": "Nothing below it in this layer.",
    "spof": "Single points of failure on its chains",
    "none": "None.",
    "spof.item": "{node} ({family} chains): every chain to {units} passes through it",
    "family.combined": "combined",
    "counterparts": "Counterparts",
    "none_in_phase": "None in this phase.",
    "counterpart.link": "(link)",
    "counterpart.none": ": holds no operational authority over forces",
    "counterpart.one": ": holds {authority} over {count} force",
    "counterpart.many": ": holds {authority} over {count} forces",
    "counterpart.clock": "clock: {offset}",
    "counterpart.hours": "shared office hours: {shared}",
    # a link
    "relation": " ({layer} layer): {meaning}",
    "doctrine": "Doctrine: {doctrine}",
    "shown": "{phase} (shown)",
    "field.from": "from",
    "field.to": "to",
    "field.key": "key",
    "field.holds_in": "holds in",
    "no_situation": "no situation",
    "field.in_phase": "in this phase",
    "holds": "holds",
    "does_not_hold": "does not hold",
    "field.requires": "requires",
    "field.basis": "legal basis",
    "field.as_of": "as of",
    # a phase change
    "change": "Phase change",
    "change.none": "(none)",
    "change.from": "Changes from {from} to {phase}",
    "change.pick": "Pick another phase or scenario to see what changes.",
    "change.required": "Decisions the law requires, in order",
    "change.discretionary": "Discretionary decisions",
    "change.activated": "Links activated ({count})",
    "change.lapsed": "Links lapsed ({count})",
    "change.rebased": "Links on another legal basis ({count})",
    "change.nodes_on": "Nodes activated",
    "change.nodes_off": "Nodes deactivated",
    "change.layer": " [{layer}]",
    "decision.by": " — {kind} by {deciders}",
    "decision.after": "; after: {prerequisites}",
    "decision.approval": "approval by {by}: {meaning}",
    "decision.takes": "takes {duration}",
    "decision.basis": "basis: {basis}",
    # a variant
    "variant": "Variant",
    "variant.toggle": " show the diff against {base}",
    "diff.nodes_added": "Nodes added ({count})",
    "diff.nodes_removed": "Nodes removed ({count})",
    "diff.links_added": "Links added ({count})",
    "diff.links_removed": "Links removed ({count})",
    "diff.links_changed": "Links changed ({count})",
    "diff.nodes_changed": "Nodes changed ({count})",
    "diff.relations_changed": "Relations changed",
    "diff.lost": "no longer in: {phases}",
    "diff.gained": "now in: {phases}",
    # filters
    "filters": "Filters",
    "nations": "Nations",
    "members": "Member links are listed inside the bodies, not drawn as lines.",
    # shortcuts
    "key.search": "search nodes by id or name (English or Japanese)",
    "key.clear": "clear the selection and the search",
    "key.next-phase": "next phase or scenario",
    "key.previous-phase": "previous phase or scenario",
    "key.next-layer": "next layer of chains: operational, administrative, civil, all",
    "key.next-model": "next model (variants)",
    "key.diff": "show or hide the diff against the base model",
    "key.zoom-in": "zoom in",
    "key.zoom-out": "zoom out",
    "key.fit": "fit the chart to the window",
    "key.centre": "centre on the selected node",
    "key.pan": "pan the chart",
    # clocks
    "clock.none": "no clock (no location)",
    "clock.always": "{zone}; no office hours in the model: can always act",
    "clock.hours": "{zone}; {hours} ({origin})",
    "clock.from.node": "node office hours",
    "clock.from.location": "location office hours",
    "clock.from.model": "model office hours",
    "clock.from.none": "none office hours",
    "clock.from.watch": "watch",
    "offset.same": "same clock",
    "offset.ahead": "{hours} h ahead on the clock",
    "offset.behind": "{hours} h behind on the clock",
    "offset.day_ahead": ", one calendar day ahead",
    "offset.day_behind": ", one calendar day behind",
    "offset.utc": "{words} (UTC{b} vs UTC{a})",
    "shared": "{hours} h in the week of {week}",
    "duration.source": "source: {source}",
    "duration.assumption": "assumption: {assumption}",
    # words of the data
    "group.phases": "Phases",
    "group.scenarios": "Scenarios",
    "lang.en": "en",
    "lang.ja": "ja",
    "lang.ko": "ko",
}

_JAPANESE: dict[str, str] = {
    "title": "c2graph 指揮統制構造の閲覧：{models}",
    "title.none": "c2graph 指揮統制構造の閲覧",
    "model": "モデル",
    "chains_in": "指揮系統の種類：{layer}",
    "search": "識別子又は名称で検索（英語、日本語）",
    "search.label": "組織の検索",
    "phases.label": "事態とシナリオ",
    "noscript": "この閲覧ページにはJavaScriptが必要です。図は全ての事態を一度に示しています。",
    "zoom.in": "拡大（+）",
    "zoom.out": "縮小（-）",
    "zoom.fit": "全体表示（0）",
    "keyboard": "キーボード操作",
    "made_by": "c2graph {version}で作成。",
    "locale": "ja-JP",
    "days": "日 月 火 水 木 金 土",
    "utc": "{day}曜 {time}（UTC{offset}）",
    "sep": "、",
    "other_name": "{lang}：",
    "kind_of": "{kind}・{nation}",
    "arrow": "{from} → {to}",
    "field_change": "{field}：{before} → {after}",
    "removed": "{name}（{id}）",
    "explore": "閲覧の手引き",
    "intro": (
        "組織を選ぶと、上下の指揮系統、上級組織、下級組織、カウンターパート及び単一障害点を示す。"
        "リンクを選ぶと、その意味、事態、法的根拠及び出典を示す。上の事態又はシナリオを選ぶと、"
        "直前の事態から開始又は終了するリンクを強調する。"
    ),
    "swatch.up": "選択した組織に至る指揮系統",
    "swatch.down": "選択した組織から下る指揮系統",
    "swatch.on": "開始するリンク",
    "swatch.off": "終了するリンク（もはや成立しない）",
    "swatch.added": "変更案で追加",
    "swatch.changed": "変更案で変更",
    "field.id": "識別子",
    "field.kind": "種類",
    "field.location": "所在地",
    "field.local_time": "現地時刻",
    "field.short": "略称",
    "field.echelon": "階層",
    "field.clock": "時計",
    "field.source": "出典",
    "field.confidence": "確度",
    "field.note": "注記",
    "absent": "{phase}では構造に含まれない。",
    "record": "記録",
    "where": "{layer}、{phase}",
    "chains_up": "この組織に至る指揮系統（{where}）",
    "effective": "：権限は{authority}",
    "scope": "；{scope}",
    "consent": "、{nodes}の同意に基づく",
    "none_in_layer": "この系統にはない。",
    "superiors": "上級組織",
    "subordinates": "下級組織",
    "reaches": "指揮系統が及ぶ組織（{count}）",
    "nothing_below": "この系統では下級の組織はない。",
    "spof": "指揮系統上の単一障害点",
    "none": "なし。",
    "spof.item": "{node}（{family}の系統）：{units}に至る全ての系統がこれを通る",
    "family.combined": "連合",
    "counterparts": "カウンターパート",
    "none_in_phase": "この事態にはない。",
    "counterpart.link": "（リンク）",
    "counterpart.none": "：部隊に対する作戦上の権限を持たない",
    "counterpart.one": "：{count}個の部隊に対し{authority}を持つ",
    "counterpart.many": "：{count}個の部隊に対し{authority}を持つ",
    "counterpart.clock": "時差：{offset}",
    "counterpart.hours": "共通の勤務時間：{shared}",
    "relation": "（{layer}）：{meaning}",
    "doctrine": "典拠：{doctrine}",
    "shown": "{phase}（表示中）",
    "field.from": "始点",
    "field.to": "終点",
    "field.key": "キー",
    "field.holds_in": "成立する事態",
    "no_situation": "なし",
    "field.in_phase": "この事態では",
    "holds": "成立する",
    "does_not_hold": "成立しない",
    "field.requires": "必要な決定",
    "field.basis": "法的根拠",
    "field.as_of": "時点",
    "change": "事態の移行",
    "change.none": "（なし）",
    "change.from": "{from}から{phase}への変化",
    "change.pick": "別の事態又はシナリオを選ぶと、変化を示す。",
    "change.required": "法が求める決定（順序どおり）",
    "change.discretionary": "裁量による決定",
    "change.activated": "開始するリンク（{count}）",
    "change.lapsed": "終了するリンク（{count}）",
    "change.rebased": "別の法的根拠で継続するリンク（{count}）",
    "change.nodes_on": "活動を開始する組織",
    "change.nodes_off": "活動を終了する組織",
    "change.layer": "［{layer}］",
    "decision.by": "：{deciders}による{kind}",
    "decision.after": "；先行する決定：{prerequisites}",
    "decision.approval": "{by}の承認：{meaning}",
    "decision.takes": "所要時間：{duration}",
    "decision.basis": "根拠：{basis}",
    "variant": "変更案",
    "variant.toggle": " {base}との差分を示す",
    "diff.nodes_added": "追加された組織（{count}）",
    "diff.nodes_removed": "削除された組織（{count}）",
    "diff.links_added": "追加されたリンク（{count}）",
    "diff.links_removed": "削除されたリンク（{count}）",
    "diff.links_changed": "変更されたリンク（{count}）",
    "diff.nodes_changed": "変更された組織（{count}）",
    "diff.relations_changed": "変更された関係",
    "diff.lost": "もはや成立しない事態：{phases}",
    "diff.gained": "新たに成立する事態：{phases}",
    "filters": "表示の絞り込み",
    "nations": "国",
    "members": "構成のリンクは線ではなく、機関の中に構成員として記載する。",
    "group.phases": "事態",
    "group.scenarios": "シナリオ",
    "lang.en": "英語",
    "lang.ja": "日本語",
    "lang.ko": "韓国語",
    "clock.none": "時計なし（所在地なし）",
    "clock.always": "{zone}；モデルに勤務時間の記載なし：常時対応可能",
    "clock.hours": "{zone}；{hours}（{origin}）",
    "clock.from.node": "組織の勤務時間",
    "clock.from.location": "所在地の勤務時間",
    "clock.from.model": "モデルの勤務時間",
    "clock.from.none": "勤務時間なし",
    "clock.from.watch": "当直",
    "offset.same": "なし",
    "offset.ahead": "{hours}時間進んでいる",
    "offset.behind": "{hours}時間遅れている",
    "offset.day_ahead": "、暦日で1日進んでいる",
    "offset.day_behind": "、暦日で1日遅れている",
    "offset.utc": "{words}（UTC{b}対UTC{a}）",
    "shared": "{week}の週に{hours}時間",
    "duration.source": "出典：{source}",
    "duration.assumption": "仮定：{assumption}",
    # shortcuts
    "key.search": "識別子又は名称（英語又は日本語）で組織を検索",
    "key.clear": "選択と検索を解除",
    "key.next-phase": "次の事態又はシナリオ",
    "key.previous-phase": "前の事態又はシナリオ",
    "key.next-layer": "指揮系統の種類を切替：作戦、管理、行政、全て",
    "key.next-model": "次のモデル（変更案）",
    "key.diff": "基のモデルとの差分の表示を切替",
    "key.zoom-in": "拡大",
    "key.zoom-out": "縮小",
    "key.fit": "図を画面に合わせる",
    "key.centre": "選択した組織を中央に表示",
    "key.pan": "図を移動",
    # layers, as the page names them
    "layer.operational": "作戦系統",
    "layer.administrative": "管理系統",
    "layer.civil": "行政系統",
    "layer.support": "支援関係",
    "layer.coordination": "調整関係",
    "layer.information": "情報共有",
    "layer.all": "全ての系統",
    # the vocabulary the script shows by id in English
    "word.scope.national": "国の系統",
    "word.scope.combined": "連合の系統",
    "word.scope.foreign": "外国を頂点とする系統",
}

_DECISION_KINDS_JA: dict[str, str] = {
    "order": "命令",
    "cabinet-decision": "閣議決定",
    "telephone-cabinet": "電話による閣議決定",
    "approval": "承認",
    "consultation": "協議",
    "delegation": "権限の委任",
    "request": "要請",
    "report": "報告",
    "declaration": "宣言",
}

_MEANINGS_JA: dict[str, tuple[str, str]] = {
    "command": (
        "指揮：部隊に対する国の権限と指示の全て。作戦、戦術及び行政の各統制を含む。",
        "JP 1（指揮）、自衛隊法第7条・第8条（最高の指揮監督権）",
    ),
    "cocom": (
        "戦闘指揮権：統合軍司令官が配属部隊に持つ移譲できない指揮権。作戦統制、戦術統制及び兵站の"
        "指示権を含み、軍種の行政統制を含まない。",
        "JP 1、合衆国法典第10編第164条",
    ),
    "opcon": (
        "作戦統制：部隊を編成・運用し、任務を付与し、目標を指定する権限。兵站、行政、規律及び"
        "部隊訓練を含まない。",
        "JP 1（作戦統制）",
    ),
    "tacon": (
        "戦術統制：付与された任務のための、通常は局地的な移動又は機動の詳細な指示と統制。作戦統制を"
        "伴わない。",
        "JP 1（戦術統制）",
    ),
    "transmits": (
        "命令の執行：自らは指揮権を持たず、上位の命令を下位に伝え執行する経路。上位の権限はそのまま"
        "伝わり、この経路はそれを通る全ての系統上にある。",
        "2025年以前の自衛隊法第9条（防衛大臣の指揮は、統合幕僚長を通じて行い…統合幕僚長が執行する）、"
        "合衆国法典第10編第163条(a)（統合参謀本部議長を通じた命令の伝達）",
    ),
    "adcon": (
        "行政統制：軍種の系統を通じた管理と支援。作戦上ではなく行政上の系統。",
        "JP 1（行政統制）",
    ),
    "civil-command": (
        "内閣総理大臣又は大臣による省庁・行政機関の指揮監督。軍事ではなく文民の系統。",
        "内閣法第6条、憲法第72条、海上保安庁法第10条",
    ),
    "control": (
        "政治的権限者による非軍事組織の統制：防衛出動（第76条第1項第1号）又は治安出動（第78条"
        "第1項）の命令の下、閣議決定に基づく防衛大臣による海上保安庁の統制。統制される機関は文民の"
        "機能を保つ（海上保安庁法第25条）。",
        "自衛隊法第80条",
    ),
    "support": (
        "支援：始点が終点を援助、防護又は維持する。いずれにも相手の部隊に対する権限を与えない。",
        "JP 1（支援関係）、自衛隊法第95条の2、重要影響事態法",
    ),
    "coordination": (
        "調整：計画と活動を整合させる協議。権限は移らない。",
        "JP 1（調整権限、直接連絡）、2015年日米防衛協力のための指針（同盟調整メカニズム）",
    ),
    "liaison": ("連絡：情報を交換する常設の窓口。権限は移らない。", "JP 1（連絡）"),
    "counterpart": (
        "カウンターパート：国を越えて互いの相手方と定められた2つの組織。権限は移らない。",
        "2024年日米安全保障協議委員会共同発表（統合作戦司令部と在日米軍のカウンターパート関係）",
    ),
    "member": (
        "構成：始点が終点（調整機関又は協議の場）に参加し、又は要員を出す。",
        "2015年日米防衛協力のための指針（同盟調整メカニズムの構成）",
    ),
    "shares-picture": (
        "情報共有：始点が終点の機関の保つ共通の作戦又は情報の状況図に寄与し、又はそれを用いる"
        "（例：共同統合運用調整所、日米共同情報分析組織、拡大調整所）。権限は移らない。",
        "2006年再編実施のための日米ロードマップ（共同統合運用調整所）、在日米軍、日米共同情報分析組織"
        "の開所式（2022年11月29日）",
    ),
}


def _english() -> dict[str, str]:
    """The English section: the texts above, the shortcuts' and the relations' own words,
    and each layer by its name."""
    texts = dict(_ENGLISH)
    texts |= {f"layer.{layer}": layer for layer in _LAYERS}
    texts |= {f"meaning.{r}": info.meaning for r, info in RELATIONS.items()}
    texts |= {f"doctrine.{r}": info.doctrine for r, info in RELATIONS.items()}
    texts |= {f"word.authority.{r}": r for r in RELATIONS}
    texts |= {f"word.scope.{s}": s for s in _SCOPES}
    texts |= {f"word.kind.{k}": k.replace("-", " ") for k in _KINDS}
    texts |= {f"word.confidence.{c}": c for c in CONFIDENCE_LEVELS}
    return {f"explore.{key}": text for key, text in texts.items()}


def explore_japanese(vocabulary: Mapping[str, str]) -> dict[str, str]:
    """The Japanese section: the texts above, the relations' meanings, and the words of
    ``vocabulary`` (the Japanese catalogue's relations, kinds and confidence levels)."""
    texts = dict(_JAPANESE)
    texts |= {f"word.authority.{r}": vocabulary[f"relation.{r}"] for r in RELATIONS}
    texts |= {f"word.kind.{k}": vocabulary[f"kind.{k}"] for k in NODE_KINDS}
    texts |= {f"word.kind.{k}": _DECISION_KINDS_JA[k] for k in DECISION_KINDS}
    texts |= {f"word.confidence.{c}": vocabulary[f"confidence.{c}"] for c in CONFIDENCE_LEVELS}
    for relation, (meaning, doctrine) in _MEANINGS_JA.items():
        texts |= {f"meaning.{relation}": meaning, f"doctrine.{relation}": doctrine}
    return {f"explore.{key}": text for key, text in texts.items()}


#: The explorer's English strings, by key (``explore.<key>``).
EXPLORE_ENGLISH: dict[str, str] = _english()
