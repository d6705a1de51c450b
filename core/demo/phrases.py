"""What the demo model says, in English and in Simplified Chinese.

Each sentence is a tuple of wordings: at temperature 0 the demo always takes the first, at higher
temperatures it picks among them (see `core.demo.answers`), so a comparison across temperatures shows
different words. Lists of sentences are said in order, as many as the settings ask for (more for a bigger
model or a higher effort). Nothing here claims the demo is free: the footer prices a demo reply at the real
model's list prices, and the words say that no money is spent.
"""

from __future__ import annotations

from dataclasses import dataclass

Wordings = tuple[str, ...]


@dataclass(frozen=True)
class Phrases:
    """Everything the demo says in one language."""

    you_asked: str
    demo_honest: tuple[Wordings, ...]
    try_these: str
    tips: tuple[Wordings, ...]
    greeting: Wordings
    greeting_intro: str
    riddle: tuple[Wordings, ...]
    temperature_heading: str
    temperature_points: tuple[Wordings, ...]
    temperature_aside: str
    table_heading: str
    table_intro: Wordings
    table_header: tuple[str, str, str, str]
    table_rows: tuple[tuple[str, str, str, bool], ...]
    stable_yes: str
    stable_no: str
    code_intro: Wordings
    code_docstring: str
    code_usage_comment: str
    table_outro: Wordings
    no_clock: tuple[Wordings, ...]
    calling_tool: Wordings
    tool_answered: str
    tool_failed: str
    time_answer: str
    tool_answer_outro: str
    empty_result: str
    settings_line: str
    default_temperature: str
    default_effort: str
    price_note: str
    thinking_question: str
    thinking_language: str
    thinking_tool: str
    thinking_no_tool: str
    thinking_tool_result: str
    thinking_detail: str
    thinking_more: tuple[str, ...]
    no_text: str


# Sorting algorithms: a table and code the demo can truthfully show, whatever it was asked.
_ROWS_EN = (
    ("Quicksort", "n log n", "n²", False),
    ("Merge sort", "n log n", "n log n", True),
    ("Heapsort", "n log n", "n log n", False),
    ("Insertion sort", "n²", "n²", True),
    ("Timsort", "n log n", "n log n", True),
)
_ROWS_ZH = (
    ("快速排序", "n log n", "n²", False),
    ("归并排序", "n log n", "n log n", True),
    ("堆排序", "n log n", "n log n", False),
    ("插入排序", "n²", "n²", True),
    ("Timsort", "n log n", "n log n", True),
)

ENGLISH = Phrases(
    you_asked="You asked: “{question}”",
    demo_honest=(
        (
            "I am Triptych's offline demo model, so I cannot really look into that.",
            "I am the offline demo model built into Triptych, so I cannot truly answer that.",
            "This is Triptych's demo model speaking: offline, I cannot research that for you.",
        ),
        (
            "I do answer in kind, though, and my answer changes with the settings you choose.",
            "What I can do is answer in the right shape, and change with your settings.",
            "Still, my answers take the shape you ask for and follow your settings.",
        ),
    ),
    try_these="Things to try:",
    tips=(
        (
            "Ask for **a table and some code**, and I answer with both.",
            "Ask me for **a table and code**: you get both, highlighted.",
        ),
        (
            "Turn on **thinking** in the parameter panel, and my thinking arrives before the answer.",
            "Switch **thinking** on (parameter panel), and you see me think first.",
        ),
        (
            "Offer a **get_time** tool and ask what time it is: I call the tool and wait for its result.",
            "Give me a **get_time** tool and ask for the time: I will call it.",
        ),
        (
            "Open **Compare settings** (Ctrl+Shift+C): each temperature, effort or model answers its way.",
            "Try **Compare settings** (Ctrl+Shift+C): other settings, other lengths, words and speeds.",
        ),
        (
            "Write in Chinese, and I answer in Chinese.",
            "Write to me in Chinese and my answer is in Chinese.",
        ),
        (
            "Add your own provider under Providers… to talk to Claude itself.",
            "To talk to Claude itself, add a provider under Providers….",
        ),
    ),
    greeting=("Hello!", "Hi there!", "Hello, and welcome!"),
    greeting_intro="I am Triptych's offline demo model: no key, no network.",
    riddle=(
        ("**Neither**: a kilogram is a kilogram.", "They weigh **the same**: one kilogram each."),
        (
            "The feathers only take up far more room.",
            "The iron is simply much smaller.",
        ),
        (
            "On a real scale, in air, the feathers' bigger volume gives them more buoyancy:"
            " they would read a hair lighter.",
            "Weighed in air, the bulky feathers get a little lift from the air they push aside, and read a"
            " touch lighter.",
        ),
        (
            "It is a classic because *heavy* makes us picture the material, not the amount.",
            "It tricks us because *iron* sounds heavy and *feathers* light, while the amounts are equal.",
        ),
    ),
    temperature_heading="What temperature does",
    temperature_points=(
        (
            "Temperature sets how adventurous the model is when it picks each next word.",
            "Temperature controls how freely the model chooses among the likely next words.",
            "Temperature decides how much of a chance the less likely words get.",
        ),
        (
            "At 0 it nearly always takes the most likely word: the same prompt, nearly the same answer.",
            "At 0 the most likely word wins almost every time: ask twice, get nearly the same reply.",
        ),
        (
            "Near 1 it samples more freely: the wording changes from run to run, sometimes for the better.",
            "Towards 1 the choice loosens, and each run words things a little differently.",
        ),
        (
            "For facts and code a low temperature is safer; for ideas and stories a higher one helps.",
            "Low suits facts and code; high suits brainstorming and fiction.",
        ),
        (
            "It changes how an answer is worded far more than what the model knows.",
            "It shapes the wording much more than the knowledge behind it.",
        ),
    ),
    temperature_aside="(At this temperature I allowed myself an aside: sampling is a dice roll, weighted.)",
    table_heading="Sorting algorithms",
    table_intro=(
        "Here is a table and some code: the demo model always shows sorting algorithms.",
        "A table and code, as asked; offline, the demo model's example is sorting.",
    ),
    table_header=("Algorithm", "Average", "Worst case", "Stable"),
    table_rows=_ROWS_EN,
    stable_yes="yes",
    stable_no="no",
    code_intro=("And quicksort in Python:", "Quicksort, in Python:"),
    code_docstring="Return the items sorted, smallest first.",
    code_usage_comment="prints [1, 2, 3, 5, 8]",
    table_outro=(
        "Python's own `sorted()` uses Timsort, which is stable.",
        "In practice, call `sorted()`: it is Timsort, and stable.",
    ),
    no_clock=(
        (
            "I cannot see a clock: a model only knows what the request tells it.",
            "I have no clock to look at: a model knows only what is in the request.",
        ),
        (
            "Offer me a tool named **get_time** (parameter panel → Tools) and ask again: I will call it,"
            " and you answer with the time.",
            "Give me a **get_time** tool in the parameter panel and ask again: I will call it for the time.",
        ),
    ),
    calling_tool=("I'll call `{name}` for that.", "Let me ask the `{name}` tool.", "I'll use `{name}`."),
    tool_answered="`{name}` answered:",
    tool_failed="`{name}` gave no result, so I cannot answer from it:",
    time_answer="It is **{result}**, according to `{name}`.",
    tool_answer_outro="That answers “{question}”.",
    empty_result="(an empty result)",
    settings_line="*Demo answer as {model} · {temperature} · {effort} · up to {max_tokens} tokens.*",
    default_temperature="default temperature",
    default_effort="default effort",
    price_note=(
        "The footer prices demo replies at the real model's list prices, so you can see what a reply would"
        " cost; the demo itself spends no money."
    ),
    thinking_question="The user asks: “{question}”.",
    thinking_language="They write in English, so I answer in English.",
    thinking_tool="A tool named `{name}` is offered and fits the question, so I call it first.",
    thinking_no_tool="No tool is needed for this.",
    thinking_tool_result="`{name}` has answered; I pass its result on clearly.",
    thinking_detail="The settings ask for {size}, so I plan {points} points.",
    thinking_more=(
        "First, what is being asked, and what would a good answer look like?",
        "Then the order: the main point first, the details after.",
        "I check each point against the question, and drop what does not serve it.",
        "Last, the wording: plain words, short sentences.",
        "A final look: nothing promised that the answer does not deliver.",
    ),
    no_text="You sent a message without text.",
)

CHINESE = Phrases(
    you_asked="你问的是：“{question}”",
    demo_honest=(
        (
            "我是 Triptych 内置的离线演示模型，没法真正去查这个问题。",
            "我是 Triptych 的离线演示模型，无法真正回答这个问题。",
            "这里是 Triptych 的演示模型：离线状态下，我查不了这个。",
        ),
        (
            "不过我会按你要的形式回答，而且回答会随你选的设置而变化。",
            "但我能给出对应形式的回答，并随你的设置变化。",
            "尽管如此，我的回答会采用你要求的形式，并跟随你的设置。",
        ),
    ),
    try_these="可以试试：",
    tips=(
        ("让我给出**一个表格和一段代码**，两样都会有。", "请我写**表格和代码**：两样都给你，还带高亮。"),
        (
            "在参数面板里打开**思考**，我的思考会先于回答出现。",
            "打开**思考**（参数面板），就能先看到我的思考。",
        ),
        (
            "提供一个 **get_time** 工具，再问现在几点：我会调用工具并等待结果。",
            "给我一个 **get_time** 工具再问时间：我会调用它。",
        ),
        (
            "打开**比较设置**（Ctrl+Shift+C）：不同的温度、投入程度或模型，回答各不相同。",
            "试试**比较设置**（Ctrl+Shift+C）：设置不同，长度、用词和速度也不同。",
        ),
        ("用英文提问，我就用英文回答。", "用英文写给我，我就用英文回答。"),
        (
            "在“服务商…”里添加你自己的服务商，就能和真正的 Claude 对话。",
            "想和真正的 Claude 对话，请在“服务商…”里添加服务商。",
        ),
    ),
    greeting=("你好！", "嗨，你好！", "你好，欢迎！"),
    greeting_intro="我是 Triptych 的离线演示模型：不需要密钥，也不联网。",
    riddle=(
        ("**一样重**：一公斤就是一公斤。", "两者**同样重**：都是一公斤。"),
        ("只是羽毛占的地方大得多。", "铁块只是小得多而已。"),
        (
            "在空气中用真实的秤去称，羽毛体积大，受到的浮力更大，读数会略轻一点点。",
            "在空气里称重时，蓬松的羽毛会被排开的空气托起一点，读数稍微轻一些。",
        ),
        (
            "这道题之所以经典，是因为“重”让人想到材料，而不是数量。",
            "它容易让人上当：铁听起来重，羽毛听起来轻，其实数量相同。",
        ),
    ),
    temperature_heading="温度的作用",
    temperature_points=(
        (
            "温度决定模型在挑选下一个词时有多“大胆”。",
            "温度控制模型在几个可能的下一个词之间选择得有多自由。",
            "温度决定那些不太可能的词能得到多少机会。",
        ),
        (
            "温度为 0 时，几乎总是选最可能的词，所以同一个问题得到几乎相同的回答。",
            "温度为 0 时，最可能的词几乎每次都胜出：问两遍，答案几乎一样。",
        ),
        (
            "接近 1 时，采样更自由：每次的措辞都不同，有时反而更好。",
            "越接近 1，选择越宽松，每次的说法都略有不同。",
        ),
        (
            "事实和代码适合低温度；构思和故事适合高一些的温度。",
            "低温度适合事实与代码；高温度适合头脑风暴和写故事。",
        ),
        ("它改变的主要是措辞，而不是模型知道什么。", "它影响的是说法，远多于背后的知识。"),
    ),
    temperature_aside="（在这个温度下，我允许自己多说一句：采样就像掷一颗加了权重的骰子。）",
    table_heading="排序算法",
    table_intro=(
        "这是一个表格和一段代码：演示模型总是用排序算法举例。",
        "按你的要求，表格和代码；离线时，演示模型的例子是排序。",
    ),
    table_header=("算法", "平均", "最坏情况", "稳定"),
    table_rows=_ROWS_ZH,
    stable_yes="是",
    stable_no="否",
    code_intro=("再用 Python 写一个快速排序：", "快速排序，用 Python 实现："),
    code_docstring="返回排好序的列表，从小到大。",
    code_usage_comment="输出 [1, 2, 3, 5, 8]",
    table_outro=(
        "Python 自带的 `sorted()` 用的是 Timsort，它是稳定的。",
        "实际使用时调用 `sorted()` 即可：它是 Timsort，而且稳定。",
    ),
    no_clock=(
        ("我看不到时钟：模型只知道请求里告诉它的内容。", "我没有时钟可看：模型只知道请求里的内容。"),
        (
            "在参数面板的“工具”里给我一个名为 **get_time** 的工具，再问一次：我会调用它，由你回复当前时间。",
            "在参数面板里提供一个 **get_time** 工具再问一次：我会调用它来获取时间。",
        ),
    ),
    calling_tool=("我来调用 `{name}` 查一下。", "我问问 `{name}` 工具。", "我用 `{name}` 来查。"),
    tool_answered="`{name}` 的结果：",
    tool_failed="`{name}` 没有给出结果，所以我无法据此回答：",
    time_answer="根据 `{name}`，现在是 **{result}**。",
    tool_answer_outro="这就回答了“{question}”。",
    empty_result="（空结果）",
    settings_line="*演示回答，模拟 {model} · {temperature} · {effort} · max_tokens {max_tokens}。*",
    default_temperature="默认温度",
    default_effort="默认投入程度",
    price_note="页脚按真实模型的标价计算演示回答的费用，让你看到一次回答大概花多少钱；演示本身不花钱。",
    thinking_question="用户问：“{question}”。",
    thinking_language="用户用中文提问，所以我用中文回答。",
    thinking_tool="提供了一个名为 `{name}` 的工具，正好对得上这个问题，所以我先调用它。",
    thinking_no_tool="这个问题不需要工具。",
    thinking_tool_result="`{name}` 已经返回结果，我把它清楚地转告用户。",
    thinking_detail="设置要求{size}，所以我打算讲 {points} 点。",
    thinking_more=(
        "先想清楚：问的是什么，好的回答应该是什么样？",
        "再排顺序：要点在前，细节在后。",
        "逐条对照问题，删掉不相关的内容。",
        "最后是措辞：用简单的词，写短句子。",
        "再看一遍：不要承诺回答里没有的东西。",
    ),
    no_text="你发送了一条没有文字的消息。",
)


def phrases(chinese: bool) -> Phrases:
    return CHINESE if chinese else ENGLISH
