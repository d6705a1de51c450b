<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="38"/>
        <source>About Triptych</source>
        <translation>关于 Triptych</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="41"/>
        <source>unknown (running from sources that were not installed)</source>
        <translation>未知（从未安装的源代码运行）</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="43"/>
        <source>A desktop chat client for Claude models.</source>
        <translation>面向 Claude 模型的桌面聊天客户端。</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="46"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="47"/>
        <source>Open the data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="48"/>
        <source>Shows the data folder in the file manager</source>
        <translation>在文件管理器中显示数据文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="50"/>
        <source>Open log</source>
        <translation>打开日志</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="51"/>
        <source>Open the log file</source>
        <translation>打开日志文件</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="52"/>
        <source>Opens the log file in the text editor</source>
        <translation>在文本编辑器中打开日志文件</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="56"/>
        <source>Nothing has been logged yet.</source>
        <translation>尚未记录任何日志。</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="58"/>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="59"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="60"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="61"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="62"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="63"/>
        <source>Reading the installed libraries…</source>
        <translation>正在读取已安装的库…</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="67"/>
        <source>Libraries and their licences</source>
        <translation>库及其许可证</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="69"/>
        <source>Each library Triptych runs on, its installed version and its licence</source>
        <translation>Triptych 所依赖的每个库、其已安装版本及许可证</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="79"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="81"/>
        <source>Copies the version, the folders and the libraries, e.g. for a bug report</source>
        <translation>复制版本、文件夹和库信息，例如用于错误报告</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="98"/>
        <source>The libraries Triptych runs on, as installed here, with the licence each one states:</source>
        <translation>Triptych 所依赖的库（以本机安装为准）及各自声明的许可证：</translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="106"/>
        <source>not stated</source>
        <translation>未声明</translation>
    </message>
</context>
<context>
    <name>AddToTestSetDialog</name>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="31"/>
        <source>Add to test set</source>
        <translation>加入测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="33"/>
        <source>New test set</source>
        <translation>新测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="37"/>
        <source>From conversations</source>
        <translation>来自对话</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/add_to_test_set.py" line="43"/>
        <source>The prompt is added with the %n message(s) before it as its context.</source>
        <translation>
            <numerusform>该提示词连同它之前的 %n 条消息（作为上下文）一起加入。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="49"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="61"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="50"/>
        <source>The test set the prompt is added to, or a new one</source>
        <translation>提示词要加入的测试集，或新建一个</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="51"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="62"/>
        <source>New test set&apos;s name</source>
        <translation>新测试集的名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="52"/>
        <source>The name of the test set made for this prompt</source>
        <translation>为该提示词新建的测试集的名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="53"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="63"/>
        <source>Case name</source>
        <translation>用例名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="54"/>
        <source>How the case is named in the grid&apos;s rows</source>
        <translation>该用例在网格行中的名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="86"/>
        <source>Name the new test set.</source>
        <translation>请为新测试集命名。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="90"/>
        <source>This test set&apos;s template has {count} variables; a prompt can only be added to a test set whose template is one variable, such as {{{{prompt}}}}. Choose another or a new test set.</source>
        <translation>该测试集的模板有 {count} 个变量；提示词只能加入模板仅有一个变量（例如 {{{{prompt}}}}）的测试集。请选择其他测试集或新建一个。</translation>
    </message>
</context>
<context>
    <name>AlternativesDialog</name>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="33"/>
        <source>Alternatives from a comparison</source>
        <translation>对比中的其他回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="37"/>
        <source>The conversation continued with “{chosen}”. Kept for reading: these replies are not sent to the model.</source>
        <translation>对话已选择“{chosen}”继续。仅供查看：这些回复不会发送给模型。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="62"/>
        <source>Same settings as the chosen reply</source>
        <translation>与所选回复的设置相同</translation>
    </message>
</context>
<context>
    <name>ApprovalPrompt</name>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="121"/>
        <source>Tool approval</source>
        <translation>工具批准</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="122"/>
        <source>Claude wants to run a tool</source>
        <translation>Claude 想要运行一个工具</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="123"/>
        <source>Arguments:</source>
        <translation>参数：</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="124"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="125"/>
        <source>What the tool will be given, as JSON</source>
        <translation>将传给工具的内容（JSON）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="126"/>
        <source>Remember:</source>
        <translation>记住：</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="128"/>
        <source>Just this call</source>
        <translation>仅此次调用</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="129"/>
        <source>For this conversation</source>
        <translation>在此对话中</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="130"/>
        <source>Always</source>
        <translation>始终</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="134"/>
        <source>Remember the answer</source>
        <translation>记住这个回答</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="136"/>
        <source>How long the answer holds; remembered answers are listed in Tools → Permissions…</source>
        <translation>这个回答的有效范围；记住的回答列在“工具 → 权限…”中</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="138"/>
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="139"/>
        <source>Run the tool (Enter)</source>
        <translation>运行该工具（Enter）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="140"/>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="142"/>
        <source>Do not run it; the model is told you declined (Esc)</source>
        <translation>不运行；模型会被告知你拒绝了（Esc）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="175"/>
        <source>Tool: {tool}    Server: {server}</source>
        <translation>工具：{tool}    服务器：{server}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="179"/>
        <source>(asked in another conversation)</source>
        <translation>（来自另一个对话的请求）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/approval_prompt.py" line="197"/>
        <source>%n more waiting</source>
        <translation>
            <numerusform>还有 %n 个在等待</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="202"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="202"/>
        <source>changes things</source>
        <translation>会做出更改</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="204"/>
        <source>destructive</source>
        <translation>破坏性</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="204"/>
        <source>not destructive</source>
        <translation>非破坏性</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="206"/>
        <source>same result when repeated</source>
        <translation>重复调用结果相同</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="209"/>
        <source>reaches outside (the web, other systems)</source>
        <translation>会访问外部（网络、其他系统）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="211"/>
        <source>stays within its own data</source>
        <translation>仅限于自身数据</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="214"/>
        <source>The server says nothing about what this tool does to your data.</source>
        <translation>服务器没有说明此工具会对你的数据做什么。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="215"/>
        <source>, </source>
        <comment>between the server&apos;s hints about a tool</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="216"/>
        <source>The server says: {hints}.</source>
        <translation>服务器声明：{hints}。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="218"/>
        <source>Hints only: you have not marked this server as trusted.</source>
        <translation>仅供参考：你尚未将此服务器标记为可信。</translation>
    </message>
</context>
<context>
    <name>BatchChoice</name>
    <message>
        <location filename="../../gui/grid/batch_choice.py" line="45"/>
        <source>Run as a batch (half price, results within 24 h)</source>
        <translation>以批处理运行（半价，24 小时内出结果）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/batch_choice.py" line="47"/>
        <source>Sends every request of the run as Message Batches at the batch price</source>
        <translation>将本次运行的全部请求作为 Message Batch（按需分为多批）按批处理价格发送</translation>
    </message>
</context>
<context>
    <name>BatchWords</name>
    <message numerus="yes">
        <location filename="../../gui/judging/batch_words.py" line="21"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="44"/>
        <source>live {cost}</source>
        <translation>实时 {cost}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="45"/>
        <source>as a batch {cost}</source>
        <translation>批处理 {cost}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="46"/>
        <source>{way} (chosen)</source>
        <translation>{way}（已选）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="56"/>
        <source>(input estimated here: the provider does not count tokens)</source>
        <translation>（输入为本地估算：该服务商不提供 token 计数）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="60"/>
        <source>Not in the total (no known price): {models}</source>
        <translation>未计入总额（价格未知）：{models}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="71"/>
        <source>Batch in progress</source>
        <translation>批处理进行中</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="72"/>
        <source>Batch being cancelled</source>
        <translation>批处理正在取消</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="73"/>
        <source>Batch ended, collecting the results</source>
        <translation>批处理已结束，正在取回结果</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="74"/>
        <source>Batch collected</source>
        <translation>批处理结果已取回</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="77"/>
        <source>{answered} of {total} answered</source>
        <translation>已答复 {answered}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="82"/>
        <source>{n} errored</source>
        <translation>{n} 个出错</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="84"/>
        <source>{n} cancelled</source>
        <translation>{n} 个已取消</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="86"/>
        <source>{n} expired</source>
        <translation>{n} 个已过期</translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="89"/>
        <source>expires in {h:.0f} h</source>
        <translation>{h:.0f} 小时后过期</translation>
    </message>
</context>
<context>
    <name>BranchActions</name>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="111"/>
        <source>With the current settings ({model})</source>
        <translation>使用当前设置（{model}）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="116"/>
        <source>With another model (this reply only)</source>
        <translation>使用其他模型（仅此回复）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="151"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="155"/>
        <source>This reply is still arriving: branch from it once it has finished.</source>
        <translation>此回复仍在接收中：请在完成后再从它创建分支。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="164"/>
        <source>Branch {number}: {title}</source>
        <translation>分支 {number}：{title}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="188"/>
        <source>Edit and resend…</source>
        <translation>编辑并重新发送…</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="190"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="192"/>
        <source>Branch into new conversation</source>
        <translation>分支为新对话</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="196"/>
        <source>Delete this version…</source>
        <translation>删除此版本…</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="203"/>
        <source>Delete this version and every message after it? The other versions are kept.</source>
        <translation>删除此版本及其后的所有消息？其他版本会保留。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="212"/>
        <source>Delete this version</source>
        <translation>删除此版本</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="240"/>
        <source>Not sent: {problems}</source>
        <translation>未发送：{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="246"/>
        <source>A reply is arriving: wait for it to finish, or stop it (Esc), before editing, regenerating or switching versions.</source>
        <translation>有回复正在接收：请等待其完成或停止它（Esc），再编辑、重新生成或切换版本。</translation>
    </message>
</context>
<context>
    <name>CachingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="253"/>
        <source>Caching and service</source>
        <translation>缓存与服务</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="255"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="256"/>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="257"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="258"/>
        <source>Caches the prompt up to the last cacheable block, for this long.</source>
        <translation>缓存提示词（直到最后一个可缓存块），保留这么长时间。</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="260"/>
        <source>Default (not sent)</source>
        <translation>默认（不发送）</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="261"/>
        <source>Auto (priority when available)</source>
        <translation>自动（可用时优先）</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="262"/>
        <source>Standard only</source>
        <translation>仅标准</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="264"/>
        <source>An opaque id for the end user (no personal data)</source>
        <translation>终端用户的不透明 ID（不含个人信息）</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="265"/>
        <source>Prompt caching</source>
        <translation>提示词缓存</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="266"/>
        <source>Service tier</source>
        <translation>服务等级</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="267"/>
        <source>Metadata user id</source>
        <translation>元数据用户 ID</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <location filename="../../gui/transcript/cards.py" line="61"/>
        <source>Tool call: {name}</source>
        <translation>工具调用：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="65"/>
        <source>Reply with result…</source>
        <translation>回复结果…</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="76"/>
        <source>Web search results…</source>
        <translation>网页搜索结果…</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="77"/>
        <location filename="../../gui/transcript/cards.py" line="167"/>
        <source>{kind} block</source>
        <translation>{kind} 块</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="80"/>
        <source>Tool call: {name}…</source>
        <translation>工具调用：{name}…</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="80"/>
        <source>Tool call…</source>
        <translation>工具调用…</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="86"/>
        <source>Tool error: {name}</source>
        <translation>工具错误：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="86"/>
        <source>Tool result: {name}</source>
        <translation>工具结果：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="101"/>
        <source>[image]</source>
        <translation>[图片]</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="112"/>
        <source>Web search: {query}</source>
        <translation>网页搜索：{query}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="115"/>
        <source>Server tool: {name}</source>
        <translation>服务器工具：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="124"/>
        <source>Web search failed: {code}</source>
        <translation>网页搜索失败：{code}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/cards.py" line="133"/>
        <source>Web search results (%n)</source>
        <translation>
            <numerusform>网页搜索结果（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="144"/>
        <source>[image: {url}]</source>
        <translation>[图片：{url}]</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="150"/>
        <source>untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="151"/>
        <source>Document: {title}</source>
        <translation>文档：{title}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="158"/>
        <source>Part of the thinking was redacted by the API; it is kept for the next request.</source>
        <translation>部分思考内容已被 API 加密隐藏；它会保留并随下一次请求发送。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="186"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="194"/>
        <source>Document {number}</source>
        <translation>文档 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="206"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="45"/>
        <source>{case} — {variant}</source>
        <translation>{case} — {variant}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="49"/>
        <source>Every repeat</source>
        <translation>每次重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="50"/>
        <source>The prompt, then each repeat&apos;s reply in turn</source>
        <translation>先是提示词，然后依次是每次重复的回复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="51"/>
        <source>Word diff…</source>
        <translation>逐词对比…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="52"/>
        <source>Compares two repeats&apos; replies word by word</source>
        <translation>逐词比较两次重复的回复</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/cell_dialog.py" line="75"/>
        <source>%n repeat(s)</source>
        <translation>
            <numerusform>%n 次重复</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/cell_dialog.py" line="77"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n 次失败</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="88"/>
        <source>**Repeat {n}**</source>
        <translation>**第 {n} 次重复**</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="94"/>
        <source>first token {seconds:.2f} s</source>
        <translation>首个 token {seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="97"/>
        <source>total {seconds:.2f} s</source>
        <translation>总计 {seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="99"/>
        <source>{tokens} output tokens</source>
        <translation>{tokens} 个输出 token</translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="123"/>
        <source>Repeat {n}</source>
        <translation>第 {n} 次重复</translation>
    </message>
</context>
<context>
    <name>ColumnSettingsDialog</name>
    <message>
        <location filename="../../gui/compare/column.py" line="236"/>
        <source>Column settings</source>
        <translation>列设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="252"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="253"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>CompareBlind</name>
    <message>
        <location filename="../../gui/judging/compare_blind.py" line="45"/>
        <source>Blind: the replies appear here as A and B, unnamed, once every column has finished.</source>
        <translation>盲评：每一列都完成后，回复会以 A、B 的形式出现在这里，不显示名称。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/compare_blind.py" line="51"/>
        <source>Hide the columns&apos; names and metrics and vote on the last round&apos;s replies as A and B; who was who shows after the vote</source>
        <translation>隐藏各列的名称和指标，以 A、B 的形式为最后一轮的回复投票；投票后揭晓各自是谁</translation>
    </message>
</context>
<context>
    <name>CompareColumnWidget</name>
    <message>
        <location filename="../../gui/compare/column.py" line="119"/>
        <source>Edit settings…</source>
        <translation>编辑设置…</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="120"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="121"/>
        <source>Maximise</source>
        <translation>最大化</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="122"/>
        <source>Show this column alone; click again to show every column.</source>
        <translation>只显示这一列；再次点击显示所有列。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="123"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="124"/>
        <source>Continue with this</source>
        <translation>用这一列继续</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="124"/>
        <source>Chosen ✓</source>
        <translation>已选择 ✓</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="125"/>
        <source>✓ The conversation continues with this reply</source>
        <translation>✓ 对话将以这条回复继续</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="126"/>
        <source>This column&apos;s provider, model and parameters</source>
        <translation>此列的服务商、模型和参数</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="127"/>
        <source>Removes this column</source>
        <translation>移除此列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="128"/>
        <source>Stops this column&apos;s reply</source>
        <translation>停止此列的回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="130"/>
        <source>Make this column&apos;s reply the conversation&apos;s next turn, with its settings.</source>
        <translation>将这一列的回复作为对话的下一轮，并采用其设置。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="153"/>
        <source>Same as the conversation</source>
        <translation>与对话相同</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="272"/>
        <source>same settings</source>
        <translation>相同设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="295"/>
        <source>{field} {value}</source>
        <translation>{field} {value}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="302"/>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="303"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="304"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="305"/>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="306"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="307"/>
        <source>adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="308"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="314"/>
        <source>profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="315"/>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="316"/>
        <source>max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="317"/>
        <source>system prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="318"/>
        <source>temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="319"/>
        <source>top_p</source>
        <translation>top_p</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="320"/>
        <source>top_k</source>
        <translation>top_k</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="321"/>
        <source>stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="322"/>
        <source>streaming</source>
        <translation>流式传输</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="323"/>
        <source>thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="324"/>
        <source>effort</source>
        <translation>努力程度</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="325"/>
        <source>output schema</source>
        <translation>输出结构</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="326"/>
        <source>tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="327"/>
        <source>tool choice</source>
        <translation>工具选择</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="328"/>
        <source>caching</source>
        <translation>缓存</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="329"/>
        <source>user id</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="330"/>
        <source>service tier</source>
        <translation>服务等级</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="331"/>
        <source>inference region</source>
        <translation>推理区域</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="332"/>
        <source>container</source>
        <translation>容器</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="333"/>
        <source>extra JSON</source>
        <translation>额外 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="334"/>
        <source>MCP servers</source>
        <translation>MCP 服务器</translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <location filename="../../gui/compare/export.py" line="22"/>
        <source>Export comparison to a folder</source>
        <translation>将对比导出到文件夹</translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="38"/>
        <location filename="../../gui/compare/saved_runs.py" line="44"/>
        <source>Saved comparisons</source>
        <translation>已保存的对比</translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="45"/>
        <source>Enter reopens the comparison as it was</source>
        <translation>按 Enter 按原样重新打开该对比</translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="54"/>
        <source>This conversation has no saved comparisons yet.</source>
        <translation>此对话还没有已保存的对比。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="70"/>
        <source>{when} · columns: {columns} · rounds: {rounds} · {prompt}</source>
        <translation>{when} · 列数：{columns} · 轮数：{rounds} · {prompt}</translation>
    </message>
</context>
<context>
    <name>CompareRunsMenu</name>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="94"/>
        <source>Saved comparisons…</source>
        <translation>已保存的对比…</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/compare/view.py" line="201"/>
        <source>Compare settings</source>
        <translation>比较设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="203"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="205"/>
        <source>Ctrl+Enter to send</source>
        <translation>Ctrl+Enter 发送</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="208"/>
        <source>A prompt to send to every column  ({shortcut})</source>
        <translation>发送给每一列的提示词（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="210"/>
        <source>Send to all</source>
        <translation>全部发送</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="211"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="212"/>
        <source>Add a column</source>
        <translation>添加一列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="213"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="214"/>
        <source>Scroll together</source>
        <translation>同步滚动</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="215"/>
        <source>Diff…</source>
        <translation>差异…</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="216"/>
        <source>Compare two columns&apos; replies word by word</source>
        <translation>逐词比较两列的回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="217"/>
        <source>Export comparison…</source>
        <translation>导出对比…</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="218"/>
        <source>Blind</source>
        <translation>盲评</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="221"/>
        <source>Write the comparison as a Markdown and an HTML report</source>
        <translation>将对比写成 Markdown 和 HTML 报告</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="222"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="223"/>
        <source>Sent to every column by Send to all</source>
        <translation>“全部发送”会将其发送到每一列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="224"/>
        <source>Sends the prompt to every column at once</source>
        <translation>同时将提示词发送到每一列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="225"/>
        <source>Stops every column&apos;s reply</source>
        <translation>停止每一列的回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="226"/>
        <source>Adds a column with the conversation&apos;s settings</source>
        <translation>添加一列，使用对话的设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="228"/>
        <source>Columns for a sweep: temperatures, thinking, models</source>
        <translation>用于扫描的列：温度、思考、模型</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="230"/>
        <source>Scrolling one column scrolls the others</source>
        <translation>滚动一列时其他列同步滚动</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="397"/>
        <source>Nothing was sent: “{name}” has settings the API would refuse.</source>
        <translation>未发送任何内容：“{name}”的设置会被 API 拒绝。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="429"/>
        <source>The conversation continues with “{name}”: its reply is now the conversation&apos;s next turn.</source>
        <translation>对话将以“{name}”继续：它的回复现在是对话的下一轮。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="433"/>
        <source>Continued with “{name}” from the comparison.</source>
        <translation>已从对比中选择“{name}”继续对话。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="563"/>
        <source>Could not write the reports: {error}</source>
        <translation>无法写入报告：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="566"/>
        <source>Saved {markdown} and {html}</source>
        <translation>已保存 {markdown} 和 {html}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="392"/>
        <source>Not sent: {problems}</source>
        <translation>未发送：{problems}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="423"/>
        <source>Wait for every column to finish, or stop them, first.</source>
        <translation>请先等待每一列完成，或将它们停止。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../gui/chat/composer.py" line="99"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation>Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="101"/>
        <source>Ctrl+Enter to send</source>
        <translation>Ctrl+Enter 发送</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="103"/>
        <source>Message Claude…  ({shortcut})</source>
        <translation>给 Claude 发消息…（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="117"/>
        <location filename="../../gui/chat/composer.py" line="192"/>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="106"/>
        <source>Attach files: images (PNG, JPEG, GIF, WebP) up to {image} MB each, PDF up to {pdf} MB, text and code files (UTF-8) up to {text} MB; at most {count} files and {total} MB in one message. You can also paste an image (Ctrl+V) or drop files on the window.</source>
        <translation>附加文件：图片（PNG、JPEG、GIF、WebP）每个最多 {image} MB，PDF 最多 {pdf} MB，文本和代码文件（UTF-8）最多 {text} MB；一条消息最多 {count} 个文件、共 {total} MB。也可以粘贴图片（Ctrl+V）或把文件拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="64"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="137"/>
        <source>pasted image {number}.png</source>
        <translation>粘贴的图片 {number}.png</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="194"/>
        <source>All files (*);;Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</source>
        <translation>所有文件 (*);;图片和 PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="231"/>
        <source>{name} was not attached: only images (PNG, JPEG, GIF, WebP), PDF files and text files (UTF-8 text such as code, Markdown, CSV or JSON) can be attached.</source>
        <translation>{name} 未附加：只能附加图片（PNG、JPEG、GIF、WebP）、PDF 文件和文本文件（UTF-8 文本，如代码、Markdown、CSV 或 JSON）。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="237"/>
        <source>{name} is {size} MB: an image may be at most {limit} MB.</source>
        <translation>{name} 有 {size} MB：图片最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="239"/>
        <source>{name} is {size} MB: a PDF may be at most {limit} MB.</source>
        <translation>{name} 有 {size} MB：PDF 最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="241"/>
        <source>{name} is {size} MB: a text file may be at most {limit} MB.</source>
        <translation>{name} 有 {size} MB：文本文件最大 {limit} MB。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="244"/>
        <source>{name} was not attached: a message can carry at most {limit} files.</source>
        <translation>{name} 未附加：一条消息最多附带 {limit} 个文件。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="249"/>
        <source>{name} was not attached: the files of one message may add up to at most {limit} MB (a request may be 32 MB, and files travel encoded, a third larger).</source>
        <translation>{name} 未附加：一条消息的文件合计最多 {limit} MB（一个请求最大 32 MB，文件编码后传输会大三分之一）。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="253"/>
        <source>{name} was not attached: it is empty.</source>
        <translation>{name} 未附加：文件是空的。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="254"/>
        <source>{name} could not be read: {detail}</source>
        <translation>无法读取 {name}：{detail}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="283"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="283"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="285"/>
        <source>Stops the reply; what came is kept</source>
        <translation>停止回复；已收到的内容会保留</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="285"/>
        <source>Sends the message</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="288"/>
        <source>Stop the reply (Esc); what came is kept</source>
        <translation>停止回复（Esc）；已收到的内容会保留</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="193"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="194"/>
        <source>New conversation (Ctrl+N)</source>
        <translation>新建对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="195"/>
        <location filename="../../gui/chat/conversation_list.py" line="199"/>
        <source>Filter conversations</source>
        <translation>筛选对话</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="197"/>
        <source>Matches titles and tags; tag:work keeps only the conversations tagged “work”.</source>
        <translation>匹配标题和标签；tag:work 只保留带“work”标签的对话。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="201"/>
        <source>Shows only the conversations whose title or tags match this text</source>
        <translation>只显示标题或标签与此文本相符的对话</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="203"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="205"/>
        <source>Newest first, pinned on top. F2 renames the selected one.</source>
        <translation>最新的在前，置顶的在最上方。按 F2 重命名所选对话。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="227"/>
        <source>Deleted &quot;{title}&quot;. &lt;a href=&quot;undo&quot;&gt;Undo&lt;/a&gt;</source>
        <translation>已删除“{title}”。&lt;a href=&quot;undo&quot;&gt;撤销&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="248"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="250"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="250"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="252"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="254"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="258"/>
        <source>Show only #{tag}</source>
        <translation>只显示 #{tag}</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="66"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>DesktopEntry</name>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="26"/>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="30"/>
        <source>Triptych is in the applications menu: {entry}
Its icon: {icons}
The menu starts: {command}</source>
        <translation>Triptych 已加入应用程序菜单：{entry}
图标：{icons}
菜单启动的命令：{command}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="45"/>
        <source>Could not remove {path}: {reason}</source>
        <translation>无法删除 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="50"/>
        <source>Triptych was not in the applications menu ({folder}): nothing to remove.</source>
        <translation>Triptych 不在应用程序菜单中（{folder}）：没有要删除的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="55"/>
        <source>Removed Triptych from the applications menu:
{files}</source>
        <translation>已从应用程序菜单中删除 Triptych：
{files}</translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="78"/>
        <source>Check provider “{name}”</source>
        <translation>检查服务商“{name}”</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="88"/>
        <source>Model to check</source>
        <translation>要检查的模型</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="90"/>
        <source>The checks ask this model; the cost shown below is for it</source>
        <translation>检查向此模型发送请求；下方显示的费用即针对它</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="96"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="105"/>
        <source>Earlier checks</source>
        <translation>以往的检查</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="98"/>
        <source>Choose an earlier check of this provider to see it again</source>
        <translation>选择此服务商以往的一次检查重新查看</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="102"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="291"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="103"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="292"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="294"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="295"/>
        <source>Found</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="296"/>
        <source>What Triptych does</source>
        <translation>Triptych 如何应对</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="116"/>
        <source>Check results</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="118"/>
        <source>One row per check: its mark, what was found and what Triptych does about it</source>
        <translation>每项检查一行：标记、检查结果以及 Triptych 如何应对</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="128"/>
        <source>Run checks</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="131"/>
        <source>Sends the small requests whose cost is shown above</source>
        <translation>发送上方显示费用的那些小请求</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="134"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="137"/>
        <source>Stops the checks; an unfinished run is not saved</source>
        <translation>停止检查；未完成的检查不会保存</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="138"/>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="141"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="217"/>
        <source>Saves the check shown as a Markdown file</source>
        <translation>将显示的检查保存为 Markdown 文件</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/doctor_dialog.py" line="161"/>
        <source>Runs %n small request(s) to this model; its price is unknown, so no cost can be previewed.</source>
        <translation>
            <numerusform>将向此模型发送 %n 个小请求；其价格未知，无法预估费用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/doctor_dialog.py" line="167"/>
        <source>Runs %n small request(s) to this model: at most {cost} at list prices.</source>
        <translation>
            <numerusform>将向此模型发送 %n 个小请求：按标价最多 {cost}。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="177"/>
        <source>Earlier checks could not be read: {error}</source>
        <translation>无法读取以往的检查：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="203"/>
        <source>Checked {when}: {model} on {host}.</source>
        <translation>检查于 {when}：{host} 上的 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="218"/>
        <source>Checking {model}…</source>
        <translation>正在检查 {model}…</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="232"/>
        <source>Stopped. An unfinished check is not saved.</source>
        <translation>已停止。未完成的检查不会保存。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="235"/>
        <source>The check could not finish: {error}</source>
        <translation>检查未能完成：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="271"/>
        <source>Changed since {when}:</source>
        <translation>自 {when} 以来的变化：</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="290"/>
        <source>Provider check</source>
        <translation>服务商检查</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="293"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="304"/>
        <source>Export the check</source>
        <translation>导出检查结果</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="304"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="315"/>
        <source>The report could not be written: {error}</source>
        <translation>无法写入报告：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="318"/>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>DoctorWords</name>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="16"/>
        <source>Model list</source>
        <translation>模型列表</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="17"/>
        <source>Streamed text</source>
        <translation>流式文本</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="18"/>
        <source>Non-streamed text</source>
        <translation>非流式文本</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="19"/>
        <source>Event stream structure</source>
        <translation>事件流结构</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="20"/>
        <source>Model identity</source>
        <translation>模型身份</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="21"/>
        <source>Thinking signatures</source>
        <translation>思考签名</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="22"/>
        <source>Tool use and results</source>
        <translation>工具调用与结果</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="23"/>
        <source>Token counting</source>
        <translation>token 计数</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="24"/>
        <source>Usage honesty</source>
        <translation>用量是否如实</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="25"/>
        <source>Prompt caching</source>
        <translation>提示缓存</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="26"/>
        <source>Error shape</source>
        <translation>错误格式</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="27"/>
        <source>Request ids</source>
        <translation>请求 ID</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="28"/>
        <source>Time to first token</source>
        <translation>首个 token 用时</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="35"/>
        <source>Lists {count} models, {model} among them.</source>
        <translation>列出 {count} 个模型，其中包括 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="36"/>
        <source>The model picker offers them.</source>
        <translation>模型选择器会列出它们。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="39"/>
        <source>Lists {count} models, but not {model}.</source>
        <translation>列出 {count} 个模型，但没有 {model}。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="40"/>
        <source>The picker still offers the catalog&apos;s models; check the model name with the provider.</source>
        <translation>选择器仍提供内置目录中的模型；请向服务商核对模型名称。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="46"/>
        <source>Has no model list (HTTP {status}).</source>
        <translation>没有模型列表（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="47"/>
        <source>The picker offers Triptych&apos;s own catalog.</source>
        <translation>选择器提供 Triptych 内置的模型目录。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="50"/>
        <source>The request failed: {error}</source>
        <translation>请求失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="51"/>
        <source>Nothing; fix the cause and check again.</source>
        <translation>不做处理；请排除原因后再检查一次。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="54"/>
        <source>Answered: “{text}”.</source>
        <translation>回答：“{text}”。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="55"/>
        <location filename="../../gui/providers/doctor_words.py" line="65"/>
        <location filename="../../gui/providers/doctor_words.py" line="77"/>
        <location filename="../../gui/providers/doctor_words.py" line="81"/>
        <location filename="../../gui/providers/doctor_words.py" line="139"/>
        <location filename="../../gui/providers/doctor_words.py" line="173"/>
        <location filename="../../gui/providers/doctor_words.py" line="197"/>
        <location filename="../../gui/providers/doctor_words.py" line="259"/>
        <source>Nothing to do.</source>
        <translation>无需处理。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="58"/>
        <source>Answered without any text (stop reason {stop_reason}).</source>
        <translation>回答中没有任何文本（停止原因 {stop_reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="61"/>
        <source>Replies may come out empty.</source>
        <translation>回复可能为空。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="64"/>
        <source>{events} events, all in the protocol&apos;s order.</source>
        <translation>{events} 个事件，全部符合协议顺序。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="68"/>
        <source>{violations} breaks of the protocol; the first at event {position}: {first}</source>
        <translation>{violations} 处违反协议；第一处在第 {position} 个事件：{first}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="71"/>
        <source>Triptych reads what it can and shows the break; replies may come out wrong.</source>
        <translation>Triptych 会读取能读的部分并显示错误之处；回复可能不正确。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="76"/>
        <source>Not checked: the provider speaks the OpenAI style.</source>
        <translation>未检查：该服务商使用 OpenAI 风格接口。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="80"/>
        <source>Answered as {returned}, the model asked for.</source>
        <translation>以所请求的模型 {returned} 回答。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="84"/>
        <source>Asked for {requested}, answered as {returned}: the relay serves another model.</source>
        <translation>请求的是 {requested}，回答的却是 {returned}：中转服务提供的是另一个模型。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="88"/>
        <source>Triptych shows the model that answered in each reply&apos;s footer; comparisons on this provider measure that model.</source>
        <translation>Triptych 在每条回复的页脚显示实际回答的模型；在此服务商上的对比测的是那个模型。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="95"/>
        <source>Ended with a stop reason the API does not have: {stop_reason}.</source>
        <translation>以 API 中不存在的停止原因结束：{stop_reason}。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="98"/>
        <source>Triptych shows it as it came.</source>
        <translation>Triptych 按原样显示。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="101"/>
        <source>Refused max_tokens {max_tokens}, the model&apos;s own limit: {error}</source>
        <translation>拒绝了 max_tokens {max_tokens}（模型自身的上限）：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="104"/>
        <source>Keep max_tokens lower on this provider.</source>
        <translation>在此服务商上请把 max_tokens 设得低一些。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="107"/>
        <source>Thinking came with its signature, and a follow-up sending it back was accepted.</source>
        <translation>思考内容带有签名，回传它的后续请求也被接受。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="111"/>
        <source>Thinking works with tools here.</source>
        <translation>此处思考可以与工具一起使用。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="114"/>
        <source>Thinking came without its signature: the API refuses it when it is sent back.</source>
        <translation>思考内容没有签名：回传时 API 会拒绝。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="117"/>
        <location filename="../../gui/providers/doctor_words.py" line="132"/>
        <source>The parameter panel warns when thinking and tools are both on for this provider.</source>
        <translation>对此服务商同时开启思考和工具时，参数面板会发出警告。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="123"/>
        <source>Thinking was asked for but none came back.</source>
        <translation>请求了思考，但没有返回任何思考内容。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="124"/>
        <source>The parameter panel warns that thinking is dropped on this provider.</source>
        <translation>参数面板会提示此服务商会丢弃思考内容。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="129"/>
        <source>The follow-up sending thinking back with a tool result was refused: {error}</source>
        <translation>带着工具结果回传思考的后续请求被拒绝：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="138"/>
        <source>Not checked: {model} does not think.</source>
        <translation>未检查：{model} 不支持思考。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="142"/>
        <source>Called {tool}, then answered from its result.</source>
        <translation>调用了 {tool}，然后根据其结果作答。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="143"/>
        <source>Tools work here.</source>
        <translation>此处工具可以正常使用。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="146"/>
        <source>A tool call was required, but none came (stop reason {stop_reason}).</source>
        <translation>要求调用工具，但没有调用（停止原因 {stop_reason}）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="149"/>
        <source>The parameter panel warns that tools may be ignored on this provider.</source>
        <translation>参数面板会提示此服务商可能忽略工具。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="154"/>
        <source>The tool was called, but the answer to its result failed: {error}</source>
        <translation>工具已被调用，但针对其结果的回答失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="157"/>
        <source>The parameter panel warns that tools may break on this provider.</source>
        <translation>参数面板会提示工具在此服务商上可能出错。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="162"/>
        <source>Counted {tokens} tokens.</source>
        <translation>计得 {tokens} 个 token。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="163"/>
        <source>The composer shows counts from the provider.</source>
        <translation>输入框显示服务商给出的计数。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="166"/>
        <source>Has no count_tokens (HTTP {status}).</source>
        <translation>不支持 count_tokens（HTTP {status}）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="167"/>
        <source>Triptych shows its own estimate, marked as one.</source>
        <translation>Triptych 显示自己的估算值，并标明是估算。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="170"/>
        <source>Reported {reported} input tokens; count_tokens says {counted}.</source>
        <translation>报告输入 {reported} 个 token；count_tokens 给出 {counted} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="176"/>
        <source>Reported {reported} input tokens for a body count_tokens puts at {counted}: {extra} tokens more, as a hidden prompt would add.</source>
        <translation>对 count_tokens 计为 {counted} 个 token 的请求，报告了 {reported} 个输入 token：多出 {extra} 个，正如隐藏提示词会造成的那样。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="181"/>
        <source>Costs shown for this provider follow its reports; treat them, and its answers, with care.</source>
        <translation>此服务商的费用按其报告显示；请谨慎看待这些费用及其回答。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="187"/>
        <source>Reported {reported} input tokens, fewer than the {counted} count_tokens gives.</source>
        <translation>报告输入 {reported} 个 token，少于 count_tokens 给出的 {counted} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="191"/>
        <source>Costs shown for this provider may be low.</source>
        <translation>此服务商显示的费用可能偏低。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="194"/>
        <source>Not checked: an earlier step gave nothing to compare.</source>
        <translation>未检查：前面的步骤没有可供比较的结果。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="200"/>
        <source>Wrote {written} tokens to the cache, then read {read}.</source>
        <translation>写入缓存 {written} 个 token，随后读取 {read} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="203"/>
        <source>Cache savings are shown.</source>
        <translation>会显示缓存节省的费用。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="206"/>
        <source>Answers carry no cache fields at all: the provider drops them.</source>
        <translation>回答中完全没有缓存字段：服务商丢弃了它们。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="209"/>
        <source>Costs cannot show what caching saved; the panel warns that caching is not reported here.</source>
        <translation>费用无法显示缓存节省了多少；面板会提示此处不报告缓存。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="215"/>
        <source>A prefix marked for caching was not written to the cache.</source>
        <translation>标记为缓存的前缀没有写入缓存。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="218"/>
        <location filename="../../gui/providers/doctor_words.py" line="224"/>
        <source>The panel warns that caching does not work here.</source>
        <translation>面板会提示此处缓存不起作用。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="221"/>
        <source>Wrote {written} tokens to the cache, but the same prefix again read none.</source>
        <translation>写入缓存 {written} 个 token，但再次发送相同前缀时没有读取任何缓存。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="227"/>
        <source>Refused an invalid request with {status} {type}.</source>
        <translation>以 {status} {type} 拒绝了无效请求。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="228"/>
        <source>Errors are worded by their type.</source>
        <translation>错误按其类型说明。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="231"/>
        <source>Refused an invalid request with {status}, not in the API&apos;s error shape: {body}</source>
        <translation>以 {status} 拒绝了无效请求，但格式不是 API 的错误格式：{body}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="235"/>
        <source>Errors from this provider are shown as they came.</source>
        <translation>此服务商的错误按原样显示。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="238"/>
        <source>Accepted a request the API refuses (no messages), with {status}.</source>
        <translation>以 {status} 接受了 API 会拒绝的请求（没有消息）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="241"/>
        <source>Mistakes in settings may go unnoticed on this provider.</source>
        <translation>在此服务商上，设置中的错误可能不会被发现。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="246"/>
        <source>Answers carry a request-id.</source>
        <translation>回答带有 request-id。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="247"/>
        <source>Errors show it, for support.</source>
        <translation>错误中会显示它，便于寻求支持。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="250"/>
        <source>No request-id, only the relay&apos;s own id ({headers}).</source>
        <translation>没有 request-id，只有中转服务自己的 ID（{headers}）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="251"/>
        <source>Errors show the relay&apos;s id.</source>
        <translation>错误中显示中转服务的 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="254"/>
        <source>Answers carry no request id of any kind.</source>
        <translation>回答不带任何请求 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="255"/>
        <source>Errors cannot name the request.</source>
        <translation>错误中无法指明是哪个请求。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="258"/>
        <location filename="../../gui/providers/doctor_words.py" line="262"/>
        <source>The first text came after {seconds} s.</source>
        <translation>首段文本在 {seconds} 秒后到达。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="263"/>
        <source>Replies will feel slow here.</source>
        <translation>此处回复会显得较慢。</translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="17"/>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="21"/>
        <source>Sending makes this a new version of the message and asks for a new reply. The current version and everything after it are kept: switch between versions with ‹ ›.</source>
        <translation>发送后，这将成为该消息的新版本并请求新的回复。当前版本及其后的所有内容都会保留：用 ‹ › 在版本间切换。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="30"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="31"/>
        <source>The new version&apos;s text; Ctrl+Enter sends it</source>
        <translation>新版本的文本；按 Ctrl+Enter 发送</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/edit_message_dialog.py" line="33"/>
        <source>Its %n attachment(s) are sent again with it.</source>
        <translation>
            <numerusform>它的 %n 个附件会随之再次发送。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="39"/>
        <source>Send as a new version</source>
        <translation>作为新版本发送</translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="40"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="156"/>
        <source>Start a conversation</source>
        <translation>开始对话</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="159"/>
        <source>Write a message below and press Enter. Or start with an example: each one shows something Triptych does.</source>
        <translation>在下方输入消息，按 Enter 发送。也可以从一个示例开始：每个示例展示 Triptych 的一项功能。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="165"/>
        <source>Thinking, tools and every other setting are in the parameter panel on the right (Ctrl+Shift+P); Compare settings is in the View menu (Ctrl+Shift+C).</source>
        <translation>思考、工具以及其他所有设置都在右侧的参数面板里（Ctrl+Shift+P）；“比较设置”在“视图”菜单中（Ctrl+Shift+C）。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="171"/>
        <source>A table and code</source>
        <translation>表格和代码</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="172"/>
        <source>Markdown tables and highlighted code, streamed as they arrive.</source>
        <translation>Markdown 表格和高亮代码，边生成边显示。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="173"/>
        <source>Make a table of sorting algorithms with their speed, and show quicksort in Python.</source>
        <translation>列一个表格比较几种排序算法的速度，再用 Python 写一个快速排序。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="176"/>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="178"/>
        <source>Turns thinking on for this conversation and asks a riddle: the thinking comes first.</source>
        <translation>为本对话打开思考，并提一个谜题：思考过程先出现。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="180"/>
        <source>A kilogram of feathers or a kilogram of iron: which is heavier?</source>
        <translation>一公斤羽毛和一公斤铁，哪个更重？</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="183"/>
        <source>A tool call</source>
        <translation>工具调用</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="185"/>
        <source>Offers a get_time tool and asks the time; answer the call with “Reply with result…”.</source>
        <translation>提供一个 get_time 工具并询问时间；用“回复结果…”回应这次调用。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="187"/>
        <source>What time is it?</source>
        <translation>现在几点？</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="190"/>
        <source>A comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="191"/>
        <source>Opens Compare settings: one prompt at three temperatures, side by side.</source>
        <translation>打开“比较设置”：同一个提示词，三种温度，并排显示。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="192"/>
        <source>What does temperature do to a reply?</source>
        <translation>温度对回答有什么影响？</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../gui/error_messages.py" line="18"/>
        <source>There is no API key for this provider. Add it in Providers, then retry.</source>
        <translation>此服务商没有 API 密钥。请在“服务商”中添加，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="22"/>
        <source>The saved API key cannot be sent (a character in it is not allowed). Paste it again in Providers, then retry.</source>
        <translation>保存的 API 密钥无法发送（其中含有不允许的字符）。请在“提供商”中重新粘贴，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="28"/>
        <source>The proxy cannot be used: use an http://, https://, socks5:// or socks5h:// proxy URL in Providers (or in the environment), then retry.</source>
        <translation>无法使用该代理：请在“提供商”（或环境变量）中使用 http://、https://、socks5:// 或 socks5h:// 代理地址，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="34"/>
        <source>A setting of this provider cannot be sent. Correct it in Providers, then retry.</source>
        <translation>此提供商的某项设置无法发送。请在“提供商”中更正，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="38"/>
        <source>This conversation&apos;s provider no longer exists. Choose another provider, then retry.</source>
        <translation>此对话的服务商已不存在。请选择其他服务商，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="45"/>
        <source>The provider rejected the API key (401). Check the key in Providers.</source>
        <translation>服务商拒绝了 API 密钥（401）。请在“服务商”中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="49"/>
        <source>The key is not allowed to do this (403).</source>
        <translation>此密钥无权执行该操作（403）。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="51"/>
        <source>Nothing answers at this address (404). Check the provider&apos;s base URL and the model name.</source>
        <translation>此地址无响应（404）。请检查服务商的基础 URL 和模型名称。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="57"/>
        <source>Too many requests (429). The provider asks to wait {seconds} s.</source>
        <translation>请求过多（429）。服务商要求等待 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="60"/>
        <source>Too many requests (429). Wait a little, then retry.</source>
        <translation>请求过多（429）。请稍候再重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="66"/>
        <source>The model is overloaded right now (529). Retry in a moment.</source>
        <translation>模型当前过载（529）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="71"/>
        <source>The model is overloaded right now: the provider answered {status}, and its message names overloaded_error. Retry in a moment.</source>
        <translation>模型当前过载：服务商返回了 {status}，其消息中写明 overloaded_error。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="77"/>
        <source>The provider had an internal error ({status}). Retry in a moment.</source>
        <translation>服务商内部出错（{status}）。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="81"/>
        <source>The request is too large (413). Remove attachments or start a new conversation.</source>
        <translation>请求过大（413）。请移除附件或新建对话。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="85"/>
        <source>The provider refused the request (400).</source>
        <translation>服务商拒绝了请求（400）。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="87"/>
        <source>The provider reports a billing problem (402).</source>
        <translation>服务商报告计费问题（402）。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="89"/>
        <source>Could not connect through the proxy; the provider was not reached. Check the proxy in Providers (or HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), then retry.</source>
        <translation>无法通过代理连接，请求没有到达服务商。请在“服务商”中检查代理（或 HTTP_PROXY、HTTPS_PROXY、ALL_PROXY），然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="95"/>
        <source>The provider did not start the reply in time: it sent no answer, only keep-alive pings, or data too slowly. Retry, or check the base URL.</source>
        <translation>服务商没有及时开始回复：它没有应答、只发送保活 ping，或数据来得太慢。请重试，或检查基础 URL。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="101"/>
        <source>The reply stopped making progress: for too long nothing came but keep-alive pings. What arrived is kept.</source>
        <translation>回复停滞不前：很长时间内只收到保活 ping。已收到的内容已保留。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="107"/>
        <source>The provider&apos;s answer was far larger than any real reply, so Triptych stopped reading it. Check the base URL.</source>
        <translation>服务商的应答远大于任何真实回复，Triptych 已停止读取。请检查基础 URL。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="113"/>
        <source>The provider stopped answering in time.</source>
        <translation>服务商未能及时响应。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="115"/>
        <source>The connection failed.</source>
        <translation>连接失败。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="117"/>
        <source>The provider redirected to another host; Triptych did not follow, to keep your key safe.</source>
        <translation>服务商重定向到了其他主机；为保护您的密钥，Triptych 没有跟随。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="122"/>
        <source>The provider&apos;s reply broke the protocol.</source>
        <translation>服务商的回复不符合协议。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="124"/>
        <source>The batch reached its 24-hour limit before this request was processed. Retry it (live or in a new batch).</source>
        <translation>批处理在处理此请求之前已达到 24 小时时限。请重试（实时发送或放入新的批处理）。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="130"/>
        <source>The batch was cancelled before this request was processed. Retry it if you need it.</source>
        <translation>批处理在处理此请求之前已被取消。如有需要，请重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="135"/>
        <source>The batch ended without a result for this request. Retry it.</source>
        <translation>批处理已结束，但没有此请求的结果。请重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="139"/>
        <source>This request is larger than a whole Message Batch may hold, so it cannot go as a batch. Shorten it, or run it live.</source>
        <translation>这个请求超过了一整个消息批次（Message Batch）所能容纳的大小，无法以批次发送。请缩短它，或改为实时运行。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="145"/>
        <source>The reply could not be saved: the disk may be full. Free some space, then retry.</source>
        <translation>无法保存回复：磁盘可能已满。请释放一些空间，然后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="149"/>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="155"/>
        <source>The model became overloaded in the middle of the reply (an overloaded_error event; the reply had begun normally). What arrived is kept; retry in a moment.</source>
        <translation>模型在回复中途过载（overloaded_error 事件；回复此前已正常开始）。已收到的内容已保留；请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="160"/>
        <source>The provider reported an error in the middle of the reply ({type}). What arrived is kept.</source>
        <translation>服务商在回复中途报告了错误（{type}）。已收到的内容已保留。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="174"/>
        <source>The relay refused the request (401): “{words}” — check the key in Providers; if it is right, the relay&apos;s own key for the service behind it may be the one refused.</source>
        <translation>中转服务拒绝了请求（401）：“{words}”——请在“服务商”中检查密钥；如果密钥无误，被拒绝的可能是中转服务自己用于其背后服务的密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="179"/>
        <source>The relay refused the request ({status}): “{words}” — some relays answer a wrong key this way: check the key in Providers; if it is right, the relay is refusing for its own reasons.</source>
        <translation>中转服务拒绝了请求（{status}）：“{words}”——有些中转服务会这样回应错误的密钥：请在“服务商”中检查密钥；如果密钥无误，则是中转服务出于自身原因拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="193"/>
        <source>Details: {message}</source>
        <translation>详情：{message}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="197"/>
        <source>Request id: {request_id}</source>
        <translation>请求 ID：{request_id}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="209"/>
        <source>Could not connect to {host}: no answer in time.</source>
        <translation>无法连接到 {host}：未能及时得到应答。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="212"/>
        <source>{host} stopped sending data: no data arrived in time.</source>
        <translation>{host} 停止发送数据：未能及时收到数据。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="215"/>
        <source>The request to {host} timed out.</source>
        <translation>发往 {host} 的请求超时。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="216"/>
        <source>The proxy refused the connection to {host}: {cause}</source>
        <translation>代理拒绝了到 {host} 的连接：{cause}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="219"/>
        <source>Could not find the host {host}: check the base URL and your network.</source>
        <translation>找不到主机 {host}：请检查基础 URL 和网络。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="222"/>
        <source>A secure connection to {host} could not be made (TLS): {cause}</source>
        <translation>无法与 {host} 建立安全连接（TLS）：{cause}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="225"/>
        <source>Could not connect to {host}: the connection was refused. Is the server running?</source>
        <translation>无法连接到 {host}：连接被拒绝。服务器是否在运行？</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="228"/>
        <source>The connection to {host} was cut before the reply was complete.</source>
        <translation>回复完成之前，与 {host} 的连接被切断。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="231"/>
        <source>Could not reach {host}: {cause}</source>
        <translation>无法访问 {host}：{cause}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="232"/>
        <source>The proxy at {proxy} would not connect to {host}: {cause}</source>
        <translation>位于 {proxy} 的代理未能连接到 {host}：{cause}</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="235"/>
        <source>Could not connect to the proxy at {proxy}: no answer in time. {host} was not reached.</source>
        <translation>无法连接到位于 {proxy} 的代理：未能及时得到应答。未访问到 {host}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="239"/>
        <source>Could not find the proxy&apos;s host ({proxy}). {host} was not reached.</source>
        <translation>找不到代理的主机（{proxy}）。未访问到 {host}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="242"/>
        <source>Could not connect to the proxy at {proxy}: the connection was refused. {host} was not reached.</source>
        <translation>无法连接到位于 {proxy} 的代理：连接被拒绝。未访问到 {host}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="246"/>
        <source>Could not connect to the proxy at {proxy}: {cause}. {host} was not reached.</source>
        <translation>无法连接到位于 {proxy} 的代理：{cause}。未访问到 {host}。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="249"/>
        <source>The stream stalled: no data arrived in time after {count} bytes.</source>
        <translation>数据流停滞：收到 {count} 字节后未能及时收到更多数据。</translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="252"/>
        <source>The connection was cut after {count} bytes, before the reply was complete.</source>
        <translation>收到 {count} 字节后连接被切断，回复未完成。</translation>
    </message>
</context>
<context>
    <name>ExtraJsonSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="321"/>
        <source>Extra JSON</source>
        <translation>额外 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="323"/>
        <source>Merged into the request body last, e.g. {&quot;metadata&quot;: {…}}</source>
        <translation>最后合并进请求体，例如 {&quot;metadata&quot;: {…}}</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="325"/>
        <source>Extra fields</source>
        <translation>额外字段</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="338"/>
        <source>Extra JSON: {error}</source>
        <translation>额外 JSON：{error}</translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <location filename="../../gui/params/field_help.py" line="16"/>
        <source>Instructions sent to the model before the conversation, as the system prompt.</source>
        <translation>在对话之前发送给模型的指令，即系统提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="19"/>
        <source>The most tokens the reply may have; it stops there.</source>
        <translation>回复最多可有的 token 数；到此即停止。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="22"/>
        <source>Randomness of the reply: lower is more focused, higher more varied.</source>
        <translation>回复的随机程度：越低越集中，越高越多样。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="25"/>
        <source>Nucleus sampling: only the most likely tokens up to this total probability are used.</source>
        <translation>核采样：只使用累计概率不超过此值的最可能 token。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="29"/>
        <source>Only this many of the most likely tokens are considered at each step.</source>
        <translation>每一步只考虑这么多个最可能的 token。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="32"/>
        <source>The reply stops when it writes any of these, one per line.</source>
        <translation>回复写出其中任意一个时即停止，每行一个。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="35"/>
        <source>Whether the model thinks before it answers: off, with a budget, or adaptive.</source>
        <translation>模型在回答前是否思考：关闭、按预算或自适应。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="38"/>
        <source>The most tokens the model may spend thinking.</source>
        <translation>模型思考时最多可用的 token 数。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="41"/>
        <source>Whether the thinking comes back in full, summarized or omitted.</source>
        <translation>思考内容是完整返回、摘要返回还是省略。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="44"/>
        <source>How much effort the model puts in: more is slower and costs more.</source>
        <translation>模型投入的努力程度：越高越慢，费用也越高。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="47"/>
        <source>Tool definitions as JSON: the tools the model may call.</source>
        <translation>JSON 格式的工具定义：模型可以调用的工具。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="50"/>
        <source>Whether the model may, must, or must not call a tool, or which one.</source>
        <translation>模型可以、必须还是不得调用工具，或必须调用哪一个。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="53"/>
        <source>The tool the model must call.</source>
        <translation>模型必须调用的工具。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="54"/>
        <source>Lets the model search the web (run by Anthropic).</source>
        <translation>允许模型搜索网页（由 Anthropic 执行）。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="57"/>
        <source>The search uses only these domains, separated by commas.</source>
        <translation>搜索只使用这些域名，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="60"/>
        <source>The search never uses these domains, separated by commas.</source>
        <translation>搜索从不使用这些域名，以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="63"/>
        <source>The most searches in one reply.</source>
        <translation>一次回复中最多的搜索次数。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="64"/>
        <source>Where the user is, so search results can be local.</source>
        <translation>用户所在地，以便搜索结果本地化。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="67"/>
        <source>Lets the model fetch web pages (run by Anthropic).</source>
        <translation>允许模型抓取网页（由 Anthropic 执行）。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="70"/>
        <source>The reply cites the pages it fetched.</source>
        <translation>回复会引用所抓取的网页。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="73"/>
        <source>The most tokens of a fetched page given to the model.</source>
        <translation>抓取的网页中最多提供给模型的 token 数。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="76"/>
        <source>Caches the prompt so a next request with the same start costs less.</source>
        <translation>缓存提示词，使开头相同的下一次请求费用更低。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="79"/>
        <source>Which capacity the request may use: priority when available, or standard only.</source>
        <translation>请求可使用的容量：可用时优先，或仅标准。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="82"/>
        <source>An id for the end user, sent as metadata.user_id; no personal data.</source>
        <translation>终端用户的 ID，作为 metadata.user_id 发送；不含个人信息。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="85"/>
        <source>A JSON schema the reply must follow.</source>
        <translation>回复必须遵循的 JSON 模式。</translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="88"/>
        <source>JSON merged into the request body last, for fields the panel does not have.</source>
        <translation>最后合并进请求体的 JSON，用于面板上没有的字段。</translation>
    </message>
</context>
<context>
    <name>FullTextDialog</name>
    <message>
        <location filename="../../gui/transcript/full_text.py" line="20"/>
        <location filename="../../gui/transcript/full_text.py" line="23"/>
        <source>Whole text</source>
        <translation>全文</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/full_text.py" line="24"/>
        <source>The message&apos;s whole text and thinking, read-only</source>
        <translation>消息的全文和思考内容，只读</translation>
    </message>
</context>
<context>
    <name>GridCharts</name>
    <message>
        <location filename="../../gui/grid/charts.py" line="117"/>
        <source>Metric shown in the box plot</source>
        <translation>箱线图显示的指标</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="121"/>
        <source>Box plot of:</source>
        <translation>箱线图指标：</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="132"/>
        <source>Charts of the run</source>
        <translation>本次运行的图表</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="227"/>
        <source>No repeat has finished yet: the charts fill in as the cells do.</source>
        <translation>尚无已完成的重复：图表会随单元格完成而填充。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="255"/>
        <source>{metric}: each repeat a point, the box its middle half</source>
        <translation>{metric}：每次重复一个点，箱体为中间一半</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="336"/>
        <source>Cost per column (every repeat)</source>
        <translation>每列费用（所有重复）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="357"/>
        <source>Tokens per column (every repeat): {input} input, {output} output</source>
        <translation>每列 token（所有重复）：{input} 输入，{output} 输出</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="362"/>
        <source>Tokens</source>
        <translation>token</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="400"/>
        <source>Quality against cost: a point per column, the Pareto front ringed and joined</source>
        <translation>质量与成本：每列一个点，帕累托前沿以圆圈标出并连线</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="403"/>
        <source>Mean cost per reply (USD)</source>
        <translation>每条回复的平均成本（美元）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="404"/>
        <source>Mean judge score (1–5)</source>
        <translation>评审平均分（1–5）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="509"/>
        <source>Cost per column</source>
        <translation>每列费用</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="510"/>
        <source>Tokens per column</source>
        <translation>每列 token</translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="512"/>
        <source>Quality against cost</source>
        <translation>质量与成本</translation>
    </message>
</context>
<context>
    <name>GridFeature</name>
    <message>
        <location filename="../../gui/grid/feature.py" line="62"/>
        <source>Evaluation grid…</source>
        <translation>评测网格…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="63"/>
        <source>Run a set of prompts against several settings, with repeats</source>
        <translation>用多组设置运行一组提示词，并可重复多次</translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="129"/>
        <source>Add to test set…</source>
        <translation>加入测试集…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="154"/>
        <source>Added to the test set “{name}” (version {version}).</source>
        <translation>已加入测试集“{name}”（第 {version} 版）。</translation>
    </message>
</context>
<context>
    <name>GridFiles</name>
    <message>
        <location filename="../../gui/grid/files.py" line="20"/>
        <source>Import test cases</source>
        <translation>导入测试用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="21"/>
        <source>CSV or JSONL files (*.csv *.jsonl *.json);;All files (*)</source>
        <translation>CSV 或 JSONL 文件 (*.csv *.jsonl *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="32"/>
        <source>Export the grid run</source>
        <translation>导出网格运行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="34"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="35"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="36"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="37"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="38"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
</context>
<context>
    <name>GridJudge</name>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="86"/>
        <source>Judge…</source>
        <translation>评审…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="88"/>
        <source>Has an LLM judge score the run&apos;s replies, or compare columns</source>
        <translation>让 LLM 评审为本次运行的回复打分，或比较各列</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="90"/>
        <source>Judge templates…</source>
        <translation>评审模板…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="91"/>
        <source>Edits the rubrics and prompts the judge uses</source>
        <translation>编辑评审使用的评分标准和提示词</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="193"/>
        <source>Run the grid first: there is nothing to judge yet.</source>
        <translation>请先运行网格：还没有可评审的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="259"/>
        <source>Judging was cancelled; the judgements made are kept.</source>
        <translation>评审已取消；已完成的评审结果会保留。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="264"/>
        <source>Judging stopped: {reason}</source>
        <translation>评审已停止：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="298"/>
        <source>Following the batch {batch} stopped: {reason} It is tried again at the next start.</source>
        <translation>跟踪批处理 {batch} 已停止：{reason} 下次启动时会再次尝试。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="306"/>
        <source>Judged: {scored} of {total} replies scored.</source>
        <translation>评审完成：{total} 条回复中 {scored} 条已打分。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="311"/>
        <source>Judged {pairs} pairs; the judge disagreed with itself on {disagreed}.</source>
        <translation>已评审 {pairs} 对；其中 {disagreed} 对评审前后判断不一致。</translation>
    </message>
</context>
<context>
    <name>GridMetrics</name>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="17"/>
        <source>Time to first token (s)</source>
        <translation>首个 token 用时（秒）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="18"/>
        <source>Total time (s)</source>
        <translation>总用时（秒）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="19"/>
        <source>Output tokens/s</source>
        <translation>输出 token/秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="20"/>
        <source>Output length (tokens)</source>
        <translation>输出长度（token）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="21"/>
        <source>Cost (USD)</source>
        <translation>费用（美元）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="22"/>
        <source>Judge&apos;s quality (1–5)</source>
        <translation>评审质量分（1–5）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="35"/>
        <source>{value} s</source>
        <translation>{value} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="37"/>
        <source>{value} tok/s</source>
        <translation>{value} token/秒</translation>
    </message>
</context>
<context>
    <name>GridNames</name>
    <message>
        <location filename="../../gui/grid/names.py" line="29"/>
        <source>{name} #{n}</source>
        <translation>{name} #{n}</translation>
    </message>
</context>
<context>
    <name>GridReport</name>
    <message>
        <location filename="../../gui/grid/export.py" line="38"/>
        <source>Evaluation grid</source>
        <translation>评测网格</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="39"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="40"/>
        <source>Statistics per column</source>
        <translation>各列统计</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="41"/>
        <source>Medians per test case</source>
        <translation>各测试用例的中位数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="42"/>
        <source>Outputs</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="43"/>
        <source>Test case</source>
        <translation>测试用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="44"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="45"/>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="46"/>
        <source>Repeat {n}</source>
        <translation>第 {n} 次重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="47"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="48"/>
        <source>Not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="49"/>
        <source>median</source>
        <translation>中位数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="50"/>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="51"/>
        <source>min–max</source>
        <translation>最小–最大</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="52"/>
        <source>IQR</source>
        <translation>四分位距</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="53"/>
        <source>repeats</source>
        <translation>次重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="54"/>
        <source>within noise of {name}</source>
        <translation>与 {name} 的差异在噪声范围内</translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="55"/>
        <source>distinct outputs per case</source>
        <translation>每个用例的不同输出数</translation>
    </message>
</context>
<context>
    <name>GridStatsView</name>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="141"/>
        <source>Reference column for the noise marks</source>
        <translation>噪声标记的参照列</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="144"/>
        <source>Each other column&apos;s metric is marked “within noise” when a bootstrap interval of its difference of medians from this column contains zero: the repeats cannot tell them apart.</source>
        <translation>当其他列与此列中位数之差的自助法区间包含零时，该列的指标标为“在噪声内”：这些重复无法区分两者。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="151"/>
        <source>Compare columns with:</source>
        <translation>各列对比的参照：</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="157"/>
        <source>Noise marks appear when the run has ended: a verdict read while results still arrive misleads.</source>
        <translation>运行结束后才显示噪声标记：结果仍在到来时读出的结论会误导人。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="166"/>
        <source>Statistics per column</source>
        <translation>每列统计</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="167"/>
        <source>Statistics per test case</source>
        <translation>每个测试用例的统计</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="171"/>
        <source>Per column (every test case and repeat)</source>
        <translation>按列（所有测试用例和重复）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="173"/>
        <source>Per test case (every column and repeat)</source>
        <translation>按测试用例（所有列和重复）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="240"/>
        <source>Distinct outputs</source>
        <translation>不同输出数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="240"/>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="254"/>
        <source>{name} (reference)</source>
        <translation>{name}（参照）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="284"/>
        <source>Case {n}</source>
        <translation>用例 {n}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="300"/>
        <source>No finished repeat has measured this yet.</source>
        <translation>尚无已完成的重复测得此值。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="305"/>
        <source>median {value}</source>
        <translation>中位数 {value}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="306"/>
        <source>p90 {value}</source>
        <translation>p90 {value}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="307"/>
        <source>range {low} – {high}</source>
        <translation>范围 {low} – {high}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="310"/>
        <source>IQR {value}</source>
        <translation>四分位距 {value}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="312"/>
        <source>Over {n} finished repeats; quartiles {q1} and {q3}.</source>
        <translation>基于 {n} 次已完成的重复；四分位数为 {q1} 和 {q3}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="326"/>
        <source>Too few finished repeats on one side to tell a difference from noise.</source>
        <translation>一方已完成的重复太少，无法区分差异与噪声。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="328"/>
        <source>≈ within noise</source>
        <translation>≈ 在噪声内</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="328"/>
        <source>≠ beyond noise</source>
        <translation>≠ 超出噪声</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="331"/>
        <source>Median {difference} against {reference}; {confidence}% bootstrap interval {low} to {high}.</source>
        <translation>与 {reference} 相比中位数 {difference}；{confidence}% 自助法区间 {low} 至 {high}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="346"/>
        <source>{distinct} of {repeats}</source>
        <translation>{distinct} / {repeats}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="348"/>
        <source>Different replies among a cell&apos;s repeats (spacing ignored), averaged over the cells: 1 means the same answer every time.</source>
        <translation>一个单元格各次重复中不同回复的数量（忽略空白），按单元格取平均：1 表示每次回答都相同。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="354"/>
        <source>{done} of {total} finished</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="356"/>
        <source>{failed} failed</source>
        <translation>{failed} 次失败</translation>
    </message>
</context>
<context>
    <name>GridTableModel</name>
    <message>
        <location filename="../../gui/grid/table_model.py" line="182"/>
        <source>Double-click (or Enter) to see every repeat</source>
        <translation>双击（或按 Enter）查看每次重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="226"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="228"/>
        <location filename="../../gui/grid/table_model.py" line="248"/>
        <source>{done}/{repeats}</source>
        <translation>{done}/{repeats}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="230"/>
        <source>quality {score:.1f}/5</source>
        <translation>质量 {score:.1f}/5</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="232"/>
        <source>{n} failed</source>
        <translation>{n} 次失败</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="234"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="237"/>
        <source>{seconds:.2f} s</source>
        <translation>{seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="240"/>
        <source>{tokens} tok</source>
        <translation>{tokens} token</translation>
    </message>
</context>
<context>
    <name>GridVoteWindow</name>
    <message>
        <location filename="../../gui/judging/grid_blind.py" line="78"/>
        <source>Blind vote — {run}</source>
        <translation>盲评投票 — {run}</translation>
    </message>
</context>
<context>
    <name>GridWindow</name>
    <message>
        <location filename="../../gui/grid/window.py" line="362"/>
        <source>Evaluation grid</source>
        <translation>评测网格</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="363"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="364"/>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="365"/>
        <source>JSON Lines…</source>
        <translation>JSON Lines…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="366"/>
        <source>HTML report with charts…</source>
        <translation>含图表的 HTML 报告…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="367"/>
        <source>Charts as PNG…</source>
        <translation>图表导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="368"/>
        <source>Charts as SVG…</source>
        <translation>图表导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="369"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="370"/>
        <source>&amp;Judge</source>
        <translation>评审(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="372"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="373"/>
        <source>Variants (the grid&apos;s columns)</source>
        <translation>变体（网格的列）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="374"/>
        <source>Saved test sets</source>
        <translation>已保存的测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="375"/>
        <source>Opens a saved test set in the editor</source>
        <translation>在编辑器中打开已保存的测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="376"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="377"/>
        <source>Starts an empty test set</source>
        <translation>新建一个空测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="378"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="380"/>
        <source>Saves the test set; an edit of a saved one is kept as its next version</source>
        <translation>保存测试集；对已保存测试集的修改会存为它的下一版</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="382"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="383"/>
        <source>Deletes the test set shown</source>
        <translation>删除当前显示的测试集</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="387"/>
        <source>Repeats</source>
        <translation>重复次数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="391"/>
        <source>Concurrency</source>
        <translation>并发数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="393"/>
        <source>Ask before runs over</source>
        <translation>运行费用超过此值时先询问</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="389"/>
        <source>How often each case is sent to each variant (1 to 20)</source>
        <translation>每个用例发送给每个变体的次数（1 到 20）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="392"/>
        <source>The most requests in flight at once per provider</source>
        <translation>每个服务商同时进行的最多请求数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="395"/>
        <source>A run estimated to cost more than this asks before it starts</source>
        <translation>预计费用超过此值的运行在开始前会先询问</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="397"/>
        <source>Estimate cost</source>
        <translation>估算费用</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="399"/>
        <source>Counts the prompts&apos; tokens and prices the run before it starts</source>
        <translation>在开始前统计提示词的 token 数并估算运行费用</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="401"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="402"/>
        <source>Saves the test set and starts a run of the grid</source>
        <translation>保存测试集并开始运行网格</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="403"/>
        <location filename="../../gui/grid/window.py" line="404"/>
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="405"/>
        <source>Shows an earlier run of the grid</source>
        <translation>显示网格的一次早先运行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="406"/>
        <source>Vote blind…</source>
        <translation>盲评投票…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="408"/>
        <source>Vote on the run&apos;s replies two at a time without knowing which variant wrote which</source>
        <translation>两两为这次运行的回复投票，不知道哪个变体写了哪个回复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="412"/>
        <location filename="../../gui/grid/window.py" line="416"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="414"/>
        <source>A row per case, a column per variant; Enter opens a cell&apos;s repeats</source>
        <translation>每个用例一行，每个变体一列；按 Enter 打开单元格的各次重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="417"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="418"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="451"/>
        <source>{name} (version {version})</source>
        <translation>{name}（第 {version} 版）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="562"/>
        <source>The column “{variant}” has no provider: choose one in its settings (Edit settings…).</source>
        <translation>列“{variant}”没有服务商：请在它的设置中选择一个（编辑设置…）。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="820"/>
        <source>{name} ({state}, {done} of {total} done)</source>
        <translation>{name}（{state}，{done}/{total}）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="498"/>
        <source>Saved “{name}”, version {version}.</source>
        <translation>已保存“{name}”，第 {version} 版。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/window.py" line="529"/>
        <source>Imported %n case(s) from {file}.</source>
        <translation>
            <numerusform>已从 {file} 导入 %n 个用例。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="531"/>
        <source>The file was read as GBK (Chinese) text.</source>
        <translation>该文件按 GBK（中文）编码读取。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="540"/>
        <source>{test_set} at {when}</source>
        <translation>{test_set}（{when}）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="555"/>
        <source>The grid has no columns: add a variant (or choose a preset) to run the cases against.</source>
        <translation>网格没有列：请添加一个变体（或选择一个预设）来运行这些用例。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="578"/>
        <source>Estimating the cost…</source>
        <translation>正在估算费用…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="627"/>
        <source>The run was not started.</source>
        <translation>运行未开始。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="657"/>
        <source>no value for {{{{{variable}}}}}</source>
        <translation>缺少 {{{{{variable}}}}} 的值</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="659"/>
        <source>Nothing was sent: row {row} (&quot;{case}&quot;) in the column “{variant}”: {reason}</source>
        <translation>未发送任何请求：第 {row} 行（“{case}”）在列“{variant}”中：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="673"/>
        <source>Start the run?</source>
        <translation>开始运行？</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="674"/>
        <source>This run is estimated to cost more than ${limit:.2f}.</source>
        <translation>此次运行的预计费用超过 ${limit:.2f}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="707"/>
        <source>The batch was refused: {reason} The run is kept; Resume runs it live.</source>
        <translation>批处理被拒绝：{reason} 本次运行已保留；点“继续”可改为实时运行。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="769"/>
        <source>Following the batch {batch} stopped: {reason} It is tried again at the next start.</source>
        <translation>跟踪批处理 {batch} 已停止：{reason} 下次启动时会再次尝试。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/window.py" line="777"/>
        <source>%n result(s) in the batch&apos;s file answered requests it never sent; they were ignored.</source>
        <translation>
            <numerusform>批处理结果文件中有 %n 条结果对应的请求并未发送，已忽略。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="899"/>
        <source>The metric the box plot shows per column</source>
        <translation>箱线图按列显示的指标</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="905"/>
        <source>A row per variant: median, p90 and spread of each metric over every case and repeat</source>
        <translation>每个变体一行：各指标在所有用例和重复上的中位数、p90 和离散程度</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="909"/>
        <source>A row per test case: median, p90 and spread of each metric over every variant and repeat</source>
        <translation>每个测试用例一行：各指标在所有变体和重复上的中位数、p90 和离散程度</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="941"/>
        <source>Run the grid first: there is nothing to vote on yet.</source>
        <translation>请先运行网格：还没有可投票的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="963"/>
        <location filename="../../gui/grid/window.py" line="977"/>
        <source>Run the grid first: there is nothing to export yet.</source>
        <translation>请先运行网格：目前没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="971"/>
        <location filename="../../gui/grid/window.py" line="992"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="987"/>
        <source>Could not save the charts to {path}: {reason}</source>
        <translation>无法将图表保存到 {path}：{reason}</translation>
    </message>
</context>
<context>
    <name>GridWords</name>
    <message numerus="yes">
        <location filename="../../gui/grid/words.py" line="20"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n 个请求</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="34"/>
        <source>(input estimated here: the provider does not count tokens)</source>
        <translation>（输入为本地估算：该服务商不提供 token 计数）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="36"/>
        <source>(input counted by the provider)</source>
        <translation>（输入由服务商计数）</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="42"/>
        <source>no known price</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="48"/>
        <source>Not in the total (no known price): {models}</source>
        <translation>未计入总额（价格未知）：{models}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="61"/>
        <source>{file}: only .csv and .jsonl files can be imported.</source>
        <translation>{file}：只能导入 .csv 和 .jsonl 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="64"/>
        <source>{file} is {found}; files of test cases may be up to {limit}.</source>
        <translation>{file} 大小为 {found}；测试用例文件最大 {limit}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="67"/>
        <source>{file} could not be read: {detail}</source>
        <translation>无法读取 {file}：{detail}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="70"/>
        <source>{file} is neither UTF-8 nor GBK text. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.</source>
        <translation>{file} 既不是 UTF-8 也不是 GBK 文本。请另存为 UTF-8（在 Excel 中选“CSV UTF-8”）后重新导入。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="75"/>
        <source>{file}, row {row}: the CSV cannot be read ({detail}).</source>
        <translation>{file}，第 {row} 行：无法解析 CSV（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="78"/>
        <source>{file}, line {row}: not JSON ({detail}).</source>
        <translation>{file}，第 {row} 行：不是 JSON（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="81"/>
        <source>{file}, line {row}: each line must be a JSON object with a key per variable.</source>
        <translation>{file}，第 {row} 行：每行必须是一个 JSON 对象，每个变量一个键。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="84"/>
        <source>{file} has no header row: its first row must name the columns.</source>
        <translation>{file} 没有表头：第一行必须给出各列的名称。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="87"/>
        <source>{file}: column {column} of the header has no name.</source>
        <translation>{file}：表头第 {column} 列没有名称。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="90"/>
        <source>{file}: the header names the column “{column}” twice.</source>
        <translation>{file}：表头中“{column}”列出现了两次。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="93"/>
        <source>{file}, row {row}: {found} cells where the header has {expected}.</source>
        <translation>{file}，第 {row} 行：有 {found} 个单元格，而表头有 {expected} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="96"/>
        <source>{file}, row {row}, column “{column}”: the cell is {found}; a cell may be up to {limit}.</source>
        <translation>{file}，第 {row} 行，“{column}”列：单元格大小为 {found}；单元格最大 {limit}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="100"/>
        <source>{file} has no test cases in it.</source>
        <translation>{file} 中没有测试用例。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="101"/>
        <source>{file} has no column “{column}”, which the template names as {{{{{column}}}}}.</source>
        <translation>{file} 没有“{column}”列，而模板用到了 {{{{{column}}}}}。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="104"/>
        <source>The template names {{{{{column}}}}}, but no row of {file} gives it a value.</source>
        <translation>模板用到了 {{{{{column}}}}}，但 {file} 中没有任何一行给出它的值。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="107"/>
        <source>{file}, line {row}: no value for {{{{{column}}}}}, which the template names.</source>
        <translation>{file}，第 {row} 行：缺少模板用到的 {{{{{column}}}}} 的值。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="110"/>
        <source>{file}, row {row}: a different system prompt from the rows before; a test set has one.</source>
        <translation>{file}，第 {row} 行：系统提示词与前面各行不同；一个测试集只有一个系统提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="114"/>
        <source>{file}, row {row}: the context is not a list of user and assistant messages ({detail}).</source>
        <translation>{file}，第 {row} 行：上下文不是由用户和助手消息组成的列表（{detail}）。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="119"/>
        <source>{file} could not be imported: {detail}</source>
        <translation>无法导入 {file}：{detail}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="131"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="137"/>
        <source>{n:.1f} MB</source>
        <translation>{n:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="139"/>
        <source>{n:.0f} KB</source>
        <translation>{n:.0f} KB</translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="140"/>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../gui/help/menu.py" line="38"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/help/menu.py" line="39"/>
        <source>Keyboard shortcuts…</source>
        <translation>键盘快捷键…</translation>
    </message>
    <message>
        <location filename="../../gui/help/menu.py" line="42"/>
        <source>About Triptych…</source>
        <translation>关于 Triptych…</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="26"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="27"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="30"/>
        <source>Stops the import; nothing of the file is added</source>
        <translation>停止导入；不会添加该文件中的任何内容</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="45"/>
        <source>Cancelling the import of {name}…</source>
        <translation>正在取消 {name} 的导入…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="47"/>
        <source>Adding conversations from {name}: {done} of {total}</source>
        <translation>正在添加 {name} 中的对话：{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="51"/>
        <source>Reading {name}: {done} of {total} conversations</source>
        <translation>正在读取 {name}：{done} / {total} 个对话</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="54"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
</context>
<context>
    <name>ImportServersDialog</name>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="46"/>
        <source>Read as mcpServers (Claude desktop, Claude Code, Cursor…).</source>
        <translation>按 mcpServers 格式读取（Claude 桌面版、Claude Code、Cursor…）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="49"/>
        <source>Read as VS Code&apos;s servers.</source>
        <translation>按 VS Code 的 servers 格式读取。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="50"/>
        <source>Read as a list of servers.</source>
        <translation>按服务器列表读取。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="60"/>
        <source>This is not JSON: {detail}</source>
        <translation>这不是 JSON：{detail}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="61"/>
        <source>No servers found: expected mcpServers, servers, or entries with a command or a url.</source>
        <translation>未找到服务器：应包含 mcpServers、servers，或带有 command 或 url 的条目。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="65"/>
        <source>{server}: not imported, its entry is not an object.</source>
        <translation>{server}：未导入，其条目不是对象。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="68"/>
        <source>{server}: not imported, it has neither a command nor a url.</source>
        <translation>{server}：未导入，它既没有 command 也没有 url。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="71"/>
        <source>{server}: not imported, its field {detail} has the wrong type.</source>
        <translation>{server}：未导入，其字段 {detail} 的类型不对。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="74"/>
        <source>{server}: not imported, its type {detail} is unknown (stdio, http or sse).</source>
        <translation>{server}：未导入，其类型 {detail} 未知（应为 stdio、http 或 sse）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="78"/>
        <source>A server without a name was not imported.</source>
        <translation>一个没有名称的服务器未导入。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="81"/>
        <source>{server}: {detail} is asked for by the other app; enter its value here.</source>
        <translation>{server}：{detail} 由原应用在运行时询问；请在这里填写它的值。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="113"/>
        <source>Import MCP servers</source>
        <translation>导入 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="118"/>
        <source>Open Claude desktop&apos;s claude_desktop_config.json or VS Code&apos;s mcp.json, or paste JSON below (the whole file, its mcpServers, or one &quot;name&quot;: {…} entry).</source>
        <translation>打开 Claude 桌面版的 claude_desktop_config.json 或 VS Code 的 mcp.json，或在下方粘贴 JSON（整个文件、其中的 mcpServers，或一个 &quot;名称&quot;: {…} 条目）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="124"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="125"/>
        <source>Reads a configuration file into the box</source>
        <translation>将配置文件读入文本框</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="133"/>
        <source>Configuration JSON</source>
        <translation>配置 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="134"/>
        <source>The JSON to import servers from</source>
        <translation>要从中导入服务器的 JSON</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Transport</source>
        <translation>传输方式</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Secrets</source>
        <translation>机密</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="142"/>
        <source>Servers to import</source>
        <translation>要导入的服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="143"/>
        <source>The servers that will be added</source>
        <translation>将要添加的服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="148"/>
        <location filename="../../gui/tools/import_dialog.py" line="225"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="149"/>
        <source>Adds the servers listed to the MCP servers dialog</source>
        <translation>将列出的服务器添加到 MCP 服务器对话框</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="181"/>
        <source>{name} is too large for a configuration file.</source>
        <translation>{name} 太大，不像是配置文件。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="186"/>
        <source>{name} could not be read: {reason}</source>
        <translation>无法读取 {name}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="189"/>
        <source>{name} is not a text file (UTF-8).</source>
        <translation>{name} 不是文本文件（UTF-8）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="220"/>
        <source>Values of {names} will be kept in the keyring.</source>
        <translation>{names} 的值将保存在密钥环中。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/import_dialog.py" line="225"/>
        <source>Add %n server(s)</source>
        <translation>
            <numerusform>添加 %n 个服务器</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueWords</name>
    <message>
        <location filename="../../gui/widgets/issue_words.py" line="16"/>
        <source>Choose a model, or type a model id (for example claude-sonnet-4-6).</source>
        <translation>请选择模型，或输入模型 ID（例如 claude-sonnet-4-6）。</translation>
    </message>
</context>
<context>
    <name>JsonEdit</name>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="83"/>
        <source>Line {line}, column {column}: {problem}.</source>
        <translation>第 {line} 行，第 {column} 列：{problem}。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="97"/>
        <source>This must be a JSON list, like [ {…}, {…} ].</source>
        <translation>这里必须是 JSON 列表，例如 [ {…}, {…} ]。</translation>
    </message>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="99"/>
        <source>This must be a JSON object, like { &quot;key&quot;: … }.</source>
        <translation>这里必须是 JSON 对象，例如 { &quot;key&quot;: … }。</translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="101"/>
        <source>Judge “{run}”</source>
        <translation>评审“{run}”</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="104"/>
        <source>Judge template</source>
        <translation>评审模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="105"/>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="106"/>
        <source>Edits, adds and deletes judge templates</source>
        <translation>编辑、添加和删除评审模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="159"/>
        <source>Judge&apos;s provider</source>
        <translation>评审服务商</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="160"/>
        <source>Judge&apos;s model</source>
        <translation>评审模型</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="110"/>
        <source>Columns to compare (each pair asked twice, positions swapped)</source>
        <translation>要比较的列（每对询问两次，交换位置）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="113"/>
        <source>Column pairs</source>
        <translation>列对</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="114"/>
        <source>Check the pairs of columns the judge compares</source>
        <translation>勾选评审要比较的列对</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="117"/>
        <source>“{first}” vs “{second}”</source>
        <translation>“{first}”对比“{second}”</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="123"/>
        <source>Run as a batch (half price, results within 24 h)</source>
        <translation>以批处理运行（半价，24 小时内出结果）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="125"/>
        <source>Sends every judge request as Message Batches at the batch price</source>
        <translation>将全部评审请求作为 Message Batch（按需分为多批）按批处理价格发送</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="131"/>
        <source>Cost of the judge pass</source>
        <translation>本轮评审的成本</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="137"/>
        <source>Judging progress</source>
        <translation>评审进度</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="144"/>
        <source>Judge</source>
        <translation>评审</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="146"/>
        <source>Starts the judge pass at the cost shown</source>
        <translation>按所示成本开始评审</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="147"/>
        <source>Cancel judging</source>
        <translation>取消评审</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="149"/>
        <source>Stops the judge pass; judgements already made are kept</source>
        <translation>停止本轮评审；已完成的评审结果会保留</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="158"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="269"/>
        <source>There is no judge template: add one with Templates….</source>
        <translation>没有评审模板：请通过“模板…”添加一个。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="271"/>
        <source>Choose the judge&apos;s model.</source>
        <translation>请选择评审模型。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="274"/>
        <source>A pairwise judge compares two columns; this run has one.</source>
        <translation>成对评审需要比较两列；本次运行只有一列。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="275"/>
        <source>Check at least one pair of columns to compare.</source>
        <translation>请至少勾选一对要比较的列。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="277"/>
        <source>The run has no replies yet: there is nothing to judge.</source>
        <translation>本次运行还没有回复：没有可评审的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="301"/>
        <source>The cost cannot be estimated here.</source>
        <translation>此处无法估算成本。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="305"/>
        <source>Estimating the cost…</source>
        <translation>正在估算成本…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="372"/>
        <source>{done} of {total} judged · ${cost:.4f} so far</source>
        <translation>已评审 {done}/{total} · 目前花费 ${cost:.4f}</translation>
    </message>
</context>
<context>
    <name>JudgeFields</name>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="19"/>
        <source>The provider of each reply&apos;s column</source>
        <translation>每条回复所在列的服务商</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="23"/>
        <source>Judge&apos;s provider</source>
        <translation>评审服务商</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="32"/>
        <source>Judge&apos;s model</source>
        <translation>评审模型</translation>
    </message>
</context>
<context>
    <name>JudgeTemplatesDialog</name>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="67"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="70"/>
        <source>Judge templates</source>
        <translation>评审模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="72"/>
        <source>The saved ways of judging; the chosen one is edited beside</source>
        <translation>已保存的评审方式；选中的模板在旁边编辑</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="74"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="75"/>
        <source>Starts a new rubric template</source>
        <translation>新建一个评分标准模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="76"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="77"/>
        <source>Deletes the chosen template (built-ins stay)</source>
        <translation>删除选中的模板（内置模板保留）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="80"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="131"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="84"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="132"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="86"/>
        <source>Rubric: each reply scored 1–5 on each criterion; pairwise: two replies compared</source>
        <translation>评分标准：每条回复按每项标准打 1–5 分；成对：比较两条回复</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="89"/>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="89"/>
        <source>What it means</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="92"/>
        <source>Criteria</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="93"/>
        <source>Each criterion the judge scores from 1 to 5</source>
        <translation>评审按 1 到 5 分为每项标准打分</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="94"/>
        <source>Add criterion</source>
        <translation>添加标准</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="95"/>
        <source>Remove criterion</source>
        <translation>移除标准</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="97"/>
        <source>Judge prompt</source>
        <translation>评审提示词</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="98"/>
        <source>What the judge is sent, with placeholders filled in</source>
        <translation>发送给评审的内容，占位符会被填入</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="133"/>
        <source>Judge&apos;s provider</source>
        <translation>评审服务商</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="134"/>
        <source>Judge&apos;s model</source>
        <translation>评审模型</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="105"/>
        <source>Any model can judge; type one not listed, or leave it empty to choose when judging</source>
        <translation>任何模型都可以做评审；可输入未列出的模型，或留空在评审时再选</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="110"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="135"/>
        <source>Judge&apos;s max tokens</source>
        <translation>评审最大 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="115"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="117"/>
        <source>Saves the template; a built-in one edited is saved as a template of your own</source>
        <translation>保存模板；编辑过的内置模板会另存为你自己的模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="140"/>
        <source>Criteria (each scored 1–5)</source>
        <translation>评分标准（每项 1–5 分）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="146"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="228"/>
        <source>New template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="301"/>
        <source>Name the template.</source>
        <translation>请为模板命名。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="303"/>
        <source>The prompt is empty: the judge would be sent nothing to judge.</source>
        <translation>提示词为空：评审将收不到任何要评的内容。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="307"/>
        <source>The prompt never shows the judge the reply: add {placeholders}.</source>
        <translation>提示词中没有把回复给评审看：请加入 {placeholders}。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="312"/>
        <source>A rubric needs at least one criterion.</source>
        <translation>评分标准模板至少需要一项标准。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="315"/>
        <source>Every criterion needs a name (row {row}).</source>
        <translation>每项标准都需要名称（第 {row} 行）。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="318"/>
        <source>Two criteria are named “{name}”: scores are kept by name.</source>
        <translation>有两项标准都叫“{name}”：分数按名称保存。</translation>
    </message>
</context>
<context>
    <name>JudgeWords</name>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="12"/>
        <source>rubric</source>
        <translation>评分标准</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="13"/>
        <source>pairwise</source>
        <translation>成对</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="19"/>
        <source>scored</source>
        <translation>已打分</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="20"/>
        <source>unscored: the judge&apos;s reply did not follow the format, even when asked again</source>
        <translation>未打分：评审的回复不符合格式，再次询问后仍然如此</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="23"/>
        <source>refused: the judge declined</source>
        <translation>已拒绝：评审拒绝打分</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="24"/>
        <source>failed: the request did not go through</source>
        <translation>失败：请求未能完成</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="32"/>
        <source>no verdict</source>
        <translation>无结论</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="34"/>
        <source>a tie</source>
        <translation>平局</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="36"/>
        <source>“{name}” better</source>
        <translation>“{name}”更好</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="41"/>
        <source>Placeholders: {{prompt}} the test case&apos;s prompt, {{expected}} its expected notes, {{reply}} the reply judged, {{criteria}} the criteria with the 1–5 scale. The judge is asked to answer in a fixed format; a reply that does not follow it is asked again once, then kept unscored.</source>
        <translation>占位符：{{prompt}} 测试用例的提示词，{{expected}} 其预期说明，{{reply}} 被评审的回复，{{criteria}} 各项标准及 1–5 分制。评审需按固定格式作答；不符合格式的回复会再问一次，仍不符合则记为未打分。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="47"/>
        <source>Placeholders: {{prompt}} the test case&apos;s prompt, {{expected}} its expected notes, {{reply_a}} and {{reply_b}} the two replies. Each pair is asked twice with the replies swapped; a verdict counts only when both orders agree.</source>
        <translation>占位符：{{prompt}} 测试用例的提示词，{{expected}} 其预期说明，{{reply_a}} 和 {{reply_b}} 两条回复。每对会交换顺序询问两次；只有两次结论一致时才计入。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="58"/>
        <source>No pair has both a blind vote of yours and a judge&apos;s verdict yet: no agreement to show.</source>
        <translation>还没有既有你的盲评投票又有评审结论的回复对：暂无一致度可显示。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="63"/>
        <source>Cohen&apos;s κ {kappa:.2f}</source>
        <translation>Cohen&apos;s κ {kappa:.2f}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="65"/>
        <source>Cohen&apos;s κ undefined (one answer throughout)</source>
        <translation>Cohen&apos;s κ 无定义（始终只有一种答案）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="67"/>
        <source>The judge agreed with your blind votes on {agreed} of {pairs} pairs ({percent:.0f}%, {kappa}).</source>
        <translation>评审与你的盲评投票在 {pairs} 对中有 {agreed} 对一致（{percent:.0f}%，{kappa}）。</translation>
    </message>
</context>
<context>
    <name>JudgementsPanel</name>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="39"/>
        <source>Judgements</source>
        <translation>评审结果</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="40"/>
        <source>The judge&apos;s scores and reasons for this cell</source>
        <translation>评审对此单元格的打分和理由</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="56"/>
        <source>Repeat {n}</source>
        <translation>第 {n} 次重复</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="59"/>
        <source>quality {overall:.1f}/5</source>
        <translation>质量 {overall:.1f}/5</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="71"/>
        <source>Repeat {n}: “{first}” vs “{second}”</source>
        <translation>第 {n} 次重复：“{first}”对比“{second}”</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="78"/>
        <source>the judge disagreed with itself: {shown} as shown, {swapped} with the replies swapped; no verdict</source>
        <translation>评审前后判断不一致：按原顺序为{shown}，交换顺序后为{swapped}；无结论</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="85"/>
        <source>{verdict} (in both orders)</source>
        <translation>{verdict}（两种顺序一致）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="97"/>
        <source>The judge replied:</source>
        <translation>评审的回复：</translation>
    </message>
</context>
<context>
    <name>JumpToLatest</name>
    <message>
        <location filename="../../gui/transcript/jump_to_latest.py" line="28"/>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/jump_to_latest.py" line="30"/>
        <source>New text arrived below: go to the end and follow the reply</source>
        <translation>下方有新内容：跳到末尾并跟随回复</translation>
    </message>
</context>
<context>
    <name>KeyValueTable</name>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="85"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="87"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="89"/>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="57"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="58"/>
        <source>Adds a row to fill in</source>
        <translation>添加一行待填写</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="59"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="60"/>
        <source>Removes the selected row</source>
        <translation>移除所选的行</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="90"/>
        <source>Kept in the system keyring, not in Triptych&apos;s database</source>
        <translation>保存在系统密钥环中，不存入 Triptych 的数据库</translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="106"/>
        <source>Kept in the keyring; type to replace</source>
        <translation>已保存在密钥环中；输入新值可替换</translation>
    </message>
</context>
<context>
    <name>KeyringProblem</name>
    <message>
        <location filename="../../gui/providers/controller.py" line="107"/>
        <source>No keyring service is running (Secret Service not found).</source>
        <translation>没有运行中的密钥环服务（未找到 Secret Service）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="110"/>
        <source>The keyring is switched off.</source>
        <translation>密钥环已被关闭。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="111"/>
        <source>The keyring backend stores keys in a file, which Triptych does not use.</source>
        <translation>密钥环后端会把密钥存在文件中，Triptych 不使用这种方式。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="114"/>
        <source>The keyring is locked.</source>
        <translation>密钥环已锁定。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="115"/>
        <source>The keyring service did not answer.</source>
        <translation>密钥环服务没有响应。</translation>
    </message>
</context>
<context>
    <name>LeaderboardChart</name>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="34"/>
        <source>Ratings chart</source>
        <translation>评分图</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="36"/>
        <source>Each variant&apos;s rating as a point, its interval as a bar; the best at the top</source>
        <translation>每个变体的评分是一个点，其区间是一条横线；最好的在最上面</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="80"/>
        <source>Rating (log strength, 0 = average)</source>
        <translation>评分（对数强度，0 = 平均）</translation>
    </message>
</context>
<context>
    <name>LeaderboardMenu</name>
    <message>
        <location filename="../../gui/judging/leaderboard_menu.py" line="28"/>
        <source>Leaderboard…</source>
        <translation>排行榜…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_menu.py" line="29"/>
        <source>Your own ratings of settings variants, from your blind votes</source>
        <translation>根据你的盲评投票，得出你自己的设置变体评分</translation>
    </message>
</context>
<context>
    <name>LeaderboardWindow</name>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="58"/>
        <source>Export votes</source>
        <translation>导出投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="60"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="62"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="136"/>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="137"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="138"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="139"/>
        <source>Ratings from every vote, or only the votes with this tag</source>
        <translation>根据全部投票评分，或只根据带此标签的投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Rating (95% interval)</source>
        <translation>评分（95% 区间）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Votes</source>
        <translation>投票数</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="142"/>
        <source>Wins</source>
        <translation>胜</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="142"/>
        <source>Losses</source>
        <translation>负</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="144"/>
        <source>Ratings</source>
        <translation>评分</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="146"/>
        <source>A row per variant, the best first: its rating, interval and the votes behind it</source>
        <translation>每个变体一行，最好的在前：评分、区间及其依据的投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="148"/>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="149"/>
        <source>Export votes as CSV…</source>
        <translation>将投票导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="150"/>
        <source>Export votes as JSON Lines…</source>
        <translation>将投票导出为 JSON Lines…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="152"/>
        <location filename="../../gui/judging/leaderboard_window.py" line="178"/>
        <source>All votes</source>
        <translation>全部投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="186"/>
        <source>Computing the ratings…</source>
        <translation>正在计算评分…</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="203"/>
        <source>{rating} ({low} to {high})</source>
        <translation>{rating}（{low} 至 {high}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="226"/>
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n 票</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="228"/>
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n 次比较</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="231"/>
        <source>%n called all bad</source>
        <translation>
            <numerusform>%n 票认为都不好</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="234"/>
        <source>No votes yet: vote blind in a comparison or on a grid run, and the ratings show here.</source>
        <translation>还没有投票：在对比窗口或网格运行中进行盲评投票，评分就会显示在这里。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="239"/>
        <source>Not rated (their votes do not connect them to the others): {names}</source>
        <translation>未评分（其投票无法与其他变体关联）：{names}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="273"/>
        <source>Could not save the votes to {path}: {reason}</source>
        <translation>无法将投票保存到 {path}：{reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="278"/>
        <source>Saved %n vote(s) to {path}</source>
        <translation>
            <numerusform>已将 %n 票保存到 {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Triptych</source>
        <translation>Triptych</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="285"/>
        <source>Providers…</source>
        <translation>服务商…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="287"/>
        <source>Add or edit where requests go and their keys</source>
        <translation>添加或编辑请求的去向及其密钥</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="294"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="295"/>
        <source>Show parameters</source>
        <translation>显示参数</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296"/>
        <source>Compare settings…</source>
        <translation>比较设置…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297"/>
        <source>Stop the reply</source>
        <translation>停止回复</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="289"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="290"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="378"/>
        <source>Your draft is kept: send or clear it, then choose the example again.</source>
        <translation>你的草稿已保留：请先发送或清空它，再选择示例。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="387"/>
        <source>This model does not think: choose another model, then send.</source>
        <translation>此模型不支持思考：请换一个模型再发送。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="390"/>
        <source>Thinking is now on for this conversation: see Thinking in the parameter panel.</source>
        <translation>本对话已打开思考：见参数面板中的“思考”。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="394"/>
        <source>A get_time tool is now offered in this conversation (Tools, in the parameter panel): when a reply calls it, answer with “Reply with result…”.</source>
        <translation>本对话现在提供一个 get_time 工具（见参数面板中的“工具”）：回答调用它时，用“回复结果…”回应。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="465"/>
        <source>This conversation could not be opened: {reason}</source>
        <translation>无法打开此对话：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="631"/>
        <source>Not sent: {problems}</source>
        <translation>未发送：{problems}</translation>
    </message>
</context>
<context>
    <name>McpServersSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="188"/>
        <source>MCP servers</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="191"/>
        <source>All enabled servers</source>
        <translation>所有已启用的服务器</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="192"/>
        <source>Offers the tools of every enabled MCP server</source>
        <translation>提供每个已启用 MCP 服务器的工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="193"/>
        <source>Only these:</source>
        <translation>仅以下服务器：</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="194"/>
        <source>Offers only the tools of the servers ticked below</source>
        <translation>仅提供下方勾选的服务器的工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="199"/>
        <source>MCP servers offered</source>
        <translation>提供的 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="201"/>
        <source>Tick the servers whose tools this conversation offers</source>
        <translation>勾选本对话提供其工具的服务器</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="204"/>
        <source>No MCP servers yet: Tools → MCP servers… adds one.</source>
        <translation>还没有 MCP 服务器：可在“工具 → MCP 服务器…”中添加。</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="251"/>
        <source>{name} (not configured)</source>
        <translation>{name}（未配置）</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="253"/>
        <source>{name} (disabled)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>MessageCopy</name>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="37"/>
        <source>Copy message as Markdown</source>
        <translation>复制整条消息（Markdown）</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="38"/>
        <source>The whole message&apos;s text, with its Markdown marks</source>
        <translation>整条消息的文本，保留 Markdown 标记</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="42"/>
        <source>Copy message as plain text</source>
        <translation>复制整条消息（纯文本）</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="43"/>
        <source>The whole message&apos;s text, without Markdown marks</source>
        <translation>整条消息的文本，去掉 Markdown 标记</translation>
    </message>
</context>
<context>
    <name>MetricTable</name>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="93"/>
        <source>Measurements</source>
        <translation>测量数据</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="96"/>
        <source>Each column&apos;s times, tokens, cost and stop reason, a metric per row; the best is starred</source>
        <translation>每列的时间、token、费用和停止原因，每行一项指标；最佳值带星标</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="138"/>
        <source>Best of the columns</source>
        <translation>各列中最佳</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="147"/>
        <source>{ratio:.1f}× the best</source>
        <translation>最佳值的 {ratio:.1f} 倍</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="149"/>
        <source>{percent:.0f}% of the best</source>
        <translation>最佳值的 {percent:.0f}%</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="166"/>
        <source>{seconds:.2f} s</source>
        <translation>{seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="168"/>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} token/秒</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="176"/>
        <source>Time to first token</source>
        <translation>首个 token 时间</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="177"/>
        <source>Total time</source>
        <translation>总时间</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="178"/>
        <source>Output speed</source>
        <translation>输出速度</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="179"/>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="180"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="181"/>
        <source>Cache read tokens</source>
        <translation>缓存读取 token</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="182"/>
        <source>Cache write tokens</source>
        <translation>缓存写入 token</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="183"/>
        <source>Thinking tokens</source>
        <translation>思考 token</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="184"/>
        <source>Stop reason</source>
        <translation>停止原因</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="185"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="186"/>
        <source>Request id</source>
        <translation>请求 ID</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../gui/params/model_picker.py" line="49"/>
        <source>Model, or type a model id</source>
        <translation>模型，或输入模型 ID</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="50"/>
        <source>The model to send to. Type any model id your provider serves.</source>
        <translation>请求发送到的模型。可输入服务商提供的任意模型 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="90"/>
        <source>From this provider</source>
        <translation>来自此服务商</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="92"/>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="119"/>
        <source>{name} — {context} context</source>
        <translation>{name} — {context} 上下文</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="126"/>
        <source>Writes up to {count} tokens.</source>
        <translation>最多输出 {count} 个 token。</translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="128"/>
        <source>This provider&apos;s model list does not name it.</source>
        <translation>此服务商的模型列表中没有它。</translation>
    </message>
</context>
<context>
    <name>NoticeTimeout</name>
    <message>
        <location filename="../../gui/chat/notice_timeout.py" line="29"/>
        <source>Click to dismiss</source>
        <translation>点击关闭</translation>
    </message>
</context>
<context>
    <name>OptionalFloat</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="192"/>
        <source>Unchecked: not sent, so the API&apos;s default applies.</source>
        <translation>未勾选：不发送，使用 API 默认值。</translation>
    </message>
</context>
<context>
    <name>OptionalInt</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="240"/>
        <source>Unchecked: not sent, so the API&apos;s default applies.</source>
        <translation>未勾选：不发送，使用 API 默认值。</translation>
    </message>
</context>
<context>
    <name>OutputSchemaSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="294"/>
        <source>Structured output</source>
        <translation>结构化输出</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="296"/>
        <source>A JSON Schema for the reply, e.g. {&quot;type&quot;: &quot;object&quot;, …}</source>
        <translation>回复的 JSON Schema，例如 {&quot;type&quot;: &quot;object&quot;, …}</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="298"/>
        <source>JSON schema</source>
        <translation>JSON Schema</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="313"/>
        <source>Structured output: {error}</source>
        <translation>结构化输出：{error}</translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="55"/>
        <source>Tool permissions</source>
        <translation>工具权限</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="59"/>
        <source>What you chose to remember when a tool asked. Revoke a rule and that tool asks again (read-only tools of trusted servers run without asking).</source>
        <translation>工具请求批准时你选择记住的答复。撤销一条规则后，该工具会再次询问（受信任服务器的只读工具无需询问即可运行）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Where</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Since</source>
        <translation>记住于</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="72"/>
        <source>Remembered approvals</source>
        <translation>已记住的批准</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="73"/>
        <source>Each tool or server you chose to allow or deny</source>
        <translation>你选择允许或拒绝的每个工具或服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="74"/>
        <source>No remembered approvals yet.</source>
        <translation>还没有记住的批准。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="75"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="76"/>
        <source>Forgets the selected rules</source>
        <translation>忘记所选的规则</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="82"/>
        <source>After this many tool calls in one reply, Triptych stops and lets you continue</source>
        <translation>一次回复中的工具调用达到此数量后，Triptych 会停下，由你决定是否继续</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="86"/>
        <source>Tool calls per reply, at most</source>
        <translation>每次回复的工具调用上限</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="107"/>
        <source>Every conversation</source>
        <translation>所有对话</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="109"/>
        <source>Untitled</source>
        <translation>无标题</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="110"/>
        <source>Conversation: {title}</source>
        <translation>对话：{title}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="114"/>
        <source>All its tools</source>
        <translation>其全部工具</translation>
    </message>
</context>
<context>
    <name>PreferencesMenu</name>
    <message>
        <location filename="../../gui/preferences_menu.py" line="85"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="86"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="87"/>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="88"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="89"/>
        <location filename="../../gui/preferences_menu.py" line="93"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="90"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="91"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="92"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="96"/>
        <source>Enter sends (Shift+Enter for a new line)</source>
        <translation>Enter 发送（Shift+Enter 换行）</translation>
    </message>
</context>
<context>
    <name>PresetActions</name>
    <message>
        <location filename="../../gui/preset_actions.py" line="97"/>
        <source>Saved: new conversations start from these settings.</source>
        <translation>已保存：新对话将从这些设置开始。</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="102"/>
        <source>This conversation&apos;s settings are the defaults again.</source>
        <translation>此对话的设置已恢复为默认值。</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="112"/>
        <source>Preset &quot;{name}&quot; applied.</source>
        <translation>已应用预设“{name}”。</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="119"/>
        <location filename="../../gui/preset_actions.py" line="137"/>
        <source>Save as preset</source>
        <translation>存为预设</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="120"/>
        <source>Name of the preset:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="138"/>
        <source>A preset named &quot;{name}&quot; exists. Replace its settings?</source>
        <translation>已有名为“{name}”的预设。要替换其设置吗？</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="156"/>
        <source>Saved as preset &quot;{name}&quot;.</source>
        <translation>已存为预设“{name}”。</translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="177"/>
        <source>A preset named &quot;{name}&quot; exists already; choose another name.</source>
        <translation>已有名为“{name}”的预设，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>PresetsBar</name>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="60"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="61"/>
        <source>Named settings with a system prompt (personas)</source>
        <translation>带系统提示词的命名设置（角色）</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="62"/>
        <source>Save as preset…</source>
        <translation>存为预设…</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="63"/>
        <source>Manage presets…</source>
        <translation>管理预设…</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="64"/>
        <source>Save as default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="65"/>
        <source>New conversations start from these settings</source>
        <translation>新对话将从这些设置开始</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="66"/>
        <source>Reset to defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="68"/>
        <source>Give this conversation the settings new conversations start from</source>
        <translation>让此对话使用新对话的默认设置</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="70"/>
        <source>No presets yet</source>
        <translation>还没有预设</translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="56"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="57"/>
        <source>Saved presets</source>
        <translation>已保存的预设</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="58"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="59"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>PresetsMenu</name>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="75"/>
        <source>Add column: {name}</source>
        <translation>添加一列：{name}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="86"/>
        <source>Same settings ×3</source>
        <translation>相同设置 ×3</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="87"/>
        <source>Temperature 0 / 0.5 / 1</source>
        <translation>温度 0 / 0.5 / 1</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="88"/>
        <source>Thinking off / 4k / 16k</source>
        <translation>思考 关闭 / 4k / 16k</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="89"/>
        <source>All models of a family</source>
        <translation>某一系列的全部模型</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="90"/>
        <source>Opus</source>
        <translation>Opus</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="91"/>
        <source>Sonnet</source>
        <translation>Sonnet</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="92"/>
        <source>Haiku</source>
        <translation>Haiku</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="93"/>
        <source>Saved presets</source>
        <translation>已保存的预设</translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="94"/>
        <source>Every saved preset, side by side</source>
        <translation>所有已保存的预设并排对比</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <location filename="../../gui/providers/price_table.py" line="26"/>
        <source>Model id</source>
        <translation>模型 ID</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="27"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="28"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="29"/>
        <source>Cache write 5m</source>
        <translation>缓存写入 5 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="30"/>
        <source>Cache write 1h</source>
        <translation>缓存写入 1 小时</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="31"/>
        <source>Cache read</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="43"/>
        <source>US dollars per million tokens, where this provider&apos;s prices differ.</source>
        <translation>每百万 token 的美元价格（此服务商价格不同时填写）。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="44"/>
        <source>Add price</source>
        <translation>添加价格</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="45"/>
        <source>Remove price</source>
        <translation>移除价格</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="46"/>
        <source>Price overrides</source>
        <translation>自定义价格</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="47"/>
        <source>Adds a row for a model&apos;s prices</source>
        <translation>为某个模型的价格添加一行</translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="48"/>
        <source>Removes the selected row</source>
        <translation>移除所选行</translation>
    </message>
</context>
<context>
    <name>ProblemCount</name>
    <message numerus="yes">
        <location filename="../../gui/widgets/fields.py" line="59"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <location filename="../../gui/params/model_picker.py" line="181"/>
        <source>The provider profile: where requests go and which key they use.</source>
        <translation>服务商配置：请求发往何处、使用哪个密钥。</translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="282"/>
        <source>Prompt library…</source>
        <translation>提示词库…</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="283"/>
        <source>Saved prompts</source>
        <translation>已保存的提示词</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="318"/>
        <source>Manage prompts…</source>
        <translation>管理提示词…</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="318"/>
        <source>No saved prompts yet.</source>
        <translation>还没有保存的提示词。</translation>
    </message>
</context>
<context>
    <name>PromptPopup</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="50"/>
        <source>Saved prompts</source>
        <translation>已保存的提示词</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="52"/>
        <source>Up and Down choose a prompt, Enter inserts it, Esc closes the list</source>
        <translation>上下键选择提示词，Enter 插入，Esc 关闭列表</translation>
    </message>
</context>
<context>
    <name>PromptSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="69"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="72"/>
        <source>Instructions for the model, sent as the system prompt.</source>
        <translation>给模型的指令，作为系统提示词发送。</translation>
    </message>
</context>
<context>
    <name>PromptsDialog</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="184"/>
        <source>Prompt library</source>
        <translation>提示词库</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="185"/>
        <source>Saved prompts</source>
        <translation>已保存的提示词</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="186"/>
        <location filename="../../gui/chat/prompt_library.py" line="188"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="187"/>
        <location filename="../../gui/chat/prompt_library.py" line="189"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="191"/>
        <source>The prompt. Write {{name}} where a value should be asked for when it is used.</source>
        <translation>提示词内容。在使用时需要填写的位置写上 {{name}}。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="193"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="194"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="195"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="223"/>
        <source>Write the prompt&apos;s text first.</source>
        <translation>请先填写提示词内容。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="248"/>
        <source>Asks for: {names}</source>
        <translation>需要填写：{names}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="248"/>
        <source>No variables.</source>
        <translation>没有变量。</translation>
    </message>
</context>
<context>
    <name>ProviderWarnings</name>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="37"/>
        <source>This provider loses thinking signatures: with thinking and tools both on, the reply after a tool call will be refused.</source>
        <translation>此服务商会丢失思考签名：同时开启思考和工具时，工具调用之后的回复会被拒绝。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="42"/>
        <source>This provider returned no thinking when asked for it.</source>
        <translation>请求思考时，此服务商没有返回思考内容。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="45"/>
        <source>This provider did not carry a tool call through.</source>
        <translation>此服务商没有完成工具调用。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="48"/>
        <source>This provider does not report prompt caching: savings cannot be shown.</source>
        <translation>此服务商不报告提示缓存：无法显示节省的费用。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="51"/>
        <source>This provider answered with another model than the one asked for.</source>
        <translation>此服务商用与所请求不同的模型作答。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="54"/>
        <source>This provider reports more input tokens than were sent (a hidden prompt?).</source>
        <translation>此服务商报告的输入 token 多于实际发送的（隐藏提示词？）。</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="68"/>
        <source>Provider check warnings</source>
        <translation>服务商检查警告</translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="73"/>
        <source>From the last provider check:</source>
        <translation>来自上次服务商检查：</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../gui/providers/dialog.py" line="66"/>
        <location filename="../../gui/providers/dialog.py" line="99"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="97"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="98"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="101"/>
        <source>The provider whose settings are shown on the right</source>
        <translation>右侧显示其设置的服务商</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="103"/>
        <source>Adds a new provider</source>
        <translation>添加新的服务商</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="104"/>
        <source>Removes the selected provider and its key</source>
        <translation>移除所选服务商及其密钥</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="132"/>
        <source>x-api-key header</source>
        <translation>x-api-key 请求头</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="133"/>
        <source>Authorization: Bearer</source>
        <translation>Authorization: Bearer</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="135"/>
        <source>Anthropic (/v1/messages)</source>
        <translation>Anthropic (/v1/messages)</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="136"/>
        <source>OpenAI-compatible (/v1/chat/completions)</source>
        <translation>OpenAI 兼容 (/v1/chat/completions)</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="140"/>
        <source>Beta names, comma separated</source>
        <translation>Beta 名称，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="142"/>
        <source>Optional, e.g. http://127.0.0.1:8080</source>
        <translation>可选，例如 http://127.0.0.1:8080</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="145"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="146"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="147"/>
        <source>Auth style</source>
        <translation>认证方式</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="148"/>
        <source>API style</source>
        <translation>API 风格</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="149"/>
        <source>anthropic-version</source>
        <translation>anthropic-version</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="150"/>
        <source>Beta headers</source>
        <translation>Beta 请求头</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="151"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="152"/>
        <source>Price overrides</source>
        <translation>自定义价格</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="156"/>
        <source>The provider&apos;s name, as the provider picker shows it</source>
        <translation>服务商的名称，即服务商选择器中显示的名称</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="157"/>
        <source>Where requests go, with or without /v1</source>
        <translation>请求发送的地址，带不带 /v1 均可</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="158"/>
        <source>The header the key is sent in</source>
        <translation>发送密钥所用的请求头</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="159"/>
        <source>The protocol the provider speaks</source>
        <translation>服务商使用的协议</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="160"/>
        <source>Saved in the system keyring, never in a file</source>
        <translation>保存在系统密钥环中，从不写入文件</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="161"/>
        <source>Lists the models and sends a one-token message</source>
        <translation>列出模型并发送一条只有一个 token 的消息</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="168"/>
        <source>Keep for this session only</source>
        <translation>仅在本次会话中保留</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="169"/>
        <source>The key stays in memory and is forgotten when Triptych quits.</source>
        <translation>密钥只保存在内存中，Triptych 退出后即被遗忘。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="176"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="180"/>
        <source>Check this provider…</source>
        <translation>检查此服务商…</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="183"/>
        <source>A few small requests that show what this provider keeps: thinking, tools, caching, usage…</source>
        <translation>发送几个小请求，看看此服务商保留了什么：思考、工具、缓存、用量…</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="188"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="201"/>
        <source>No usable keyring: {reason} Keys are kept for this session only.</source>
        <translation>没有可用的密钥环：{reason} 密钥只在本次会话中保留。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="245"/>
        <source>The new key will be saved when you press Save.</source>
        <translation>按“保存”后将保存新密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="247"/>
        <source>Saved: {hint}</source>
        <translation>已保存：{hint}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="249"/>
        <source>No key saved.</source>
        <translation>未保存密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="251"/>
        <source>Paste a new key to replace it</source>
        <translation>粘贴新密钥以替换</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="273"/>
        <source>New profile</source>
        <translation>新配置</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="273"/>
        <source>New profile {number}</source>
        <translation>新配置 {number}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="313"/>
        <source>The key could not be saved: {error}</source>
        <translation>无法保存密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="359"/>
        <source>The saved key could not be read: {error}</source>
        <translation>无法读取已保存的密钥：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="374"/>
        <source>Testing &quot;{name}&quot;…</source>
        <translation>正在测试“{name}”…</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="382"/>
        <source>The test could not run: {error}</source>
        <translation>无法运行测试：{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/dialog.py" line="391"/>
        <source>✓ Model list: %n model(s).</source>
        <translation>
            <numerusform>✓ 模型列表：%n 个模型。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="393"/>
        <source>✗ The model list (/v1/models) did not answer.</source>
        <translation>✗ 模型列表（/v1/models）没有响应。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="394"/>
        <source>✓ A 1-token test message was answered.</source>
        <translation>✓ 1 个 token 的测试消息已得到回复。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="396"/>
        <source>✗ The test message was not answered.</source>
        <translation>✗ 测试消息没有得到回复。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="186"/>
        <source>anthropic-version and the beta names may use only plain ASCII letters, digits and punctuation.</source>
        <translation>anthropic-version 和 beta 名称只能使用普通 ASCII 字母、数字和标点。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="193"/>
        <source>Give the profile a name.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="196"/>
        <source>Another profile is already named &quot;{name}&quot;.</source>
        <translation>已有名为“{name}”的配置。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="202"/>
        <source>The base URL must start with http:// or https://, e.g. https://api.anthropic.com.</source>
        <translation>基础 URL 必须以 http:// 或 https:// 开头，例如 https://api.anthropic.com。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="209"/>
        <source>The proxy must be an http://, https://, socks5:// or socks5h:// URL, e.g. http://127.0.0.1:8080.</source>
        <translation>代理必须是 http://、https://、socks5:// 或 socks5h:// 地址，例如 http://127.0.0.1:8080。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="234"/>
        <source>The API key is empty.</source>
        <translation>API 密钥为空。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="235"/>
        <source>The API key has a space or a line break inside it. Copy the key again, without anything around it.</source>
        <translation>API 密钥中间含有空格或换行。请重新复制密钥，不要带上周围的任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="240"/>
        <source>The API key has a character that cannot be sent (not plain ASCII; often an invisible one pasted from a web page). Copy the key again, or type it.</source>
        <translation>API 密钥含有无法发送的字符（不是普通 ASCII，常是从网页粘贴来的不可见字符）。请重新复制或手动输入密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="245"/>
        <source>The API key has a control character inside it. Copy the key again.</source>
        <translation>API 密钥中含有控制字符。请重新复制密钥。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="218"/>
        <source>Price row {row}: enter a model id.</source>
        <translation>价格第 {row} 行：请输入模型 ID。</translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="224"/>
        <source>Price row {row}: every price must be a number of 0 or more.</source>
        <translation>价格第 {row} 行：每个价格都必须是大于或等于 0 的数字。</translation>
    </message>
</context>
<context>
    <name>RawExchangeDialog</name>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="27"/>
        <source>Raw request and response</source>
        <translation>原始请求与响应</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="38"/>
        <location filename="../../gui/exchange/raw_dialog.py" line="39"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="40"/>
        <source>The request as it was sent, the key redacted</source>
        <translation>发送时的请求，密钥已隐去</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="41"/>
        <location filename="../../gui/exchange/raw_dialog.py" line="43"/>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="42"/>
        <source>The response as it was received</source>
        <translation>收到时的响应</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="46"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="48"/>
        <source>Copies the tab shown</source>
        <translation>复制当前显示的标签页</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="70"/>
        <source>This reply was sent before Triptych recorded requests: the request below is rebuilt from the conversation and its current settings, and may differ from what was sent.</source>
        <translation>此回复发送于 Triptych 记录请求之前：下面的请求是根据对话及其当前设置重建的，可能与实际发送的不同。</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="74"/>
        <source>The API key is shown as [REDACTED].</source>
        <translation>API 密钥显示为 [REDACTED]。</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="80"/>
        <source>(The body was larger than {megabytes} MB and was not kept.)</source>
        <translation>（请求体超过 {megabytes} MB，未保留。）</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="86"/>
        <source>(No response was recorded.)</source>
        <translation>（没有记录到响应。）</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="89"/>
        <source>(Only the first {megabytes} MB of {size} bytes were kept.)</source>
        <translation>（{size} 字节中只保留了前 {megabytes} MB。）</translation>
    </message>
</context>
<context>
    <name>RequestCodeMenu</name>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="54"/>
        <source>Copy request as cURL</source>
        <translation>将请求复制为 cURL</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="55"/>
        <source>Copy request as Python (httpx)</source>
        <translation>将请求复制为 Python (httpx)</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="56"/>
        <source>Show raw request/response…</source>
        <translation>显示原始请求/响应…</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="62"/>
        <source>cURL</source>
        <translation>cURL</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="65"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="101"/>
        <source>Copied the request as {language}, rebuilt from the current settings: this reply was sent before Triptych recorded requests. The key is read from ${variable}.</source>
        <translation>已将请求复制为 {language}，根据当前设置重建：此回复发送于 Triptych 记录请求之前。密钥从 ${variable} 读取。</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="105"/>
        <source>Copied the request as {language}. The key is read from ${variable}.</source>
        <translation>已将请求复制为 {language}。密钥从 ${variable} 读取。</translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="115"/>
        <source>This reply&apos;s request was not recorded, and its provider profile no longer exists to rebuild it.</source>
        <translation>此回复的请求没有记录，其服务商配置也已不存在，无法重建。</translation>
    </message>
</context>
<context>
    <name>RetryCountdown</name>
    <message>
        <location filename="../../gui/chat/retry_countdown.py" line="50"/>
        <source>{problem} Retrying in {seconds} s (attempt {attempt})…</source>
        <translation>{problem} {seconds} 秒后重试（第 {attempt} 次）…</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="67"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="69"/>
        <source>Sends no more requests; those under way finish and are kept</source>
        <translation>不再发送新请求；进行中的请求会完成并保留</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="71"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="72"/>
        <source>Goes on from the cells not yet run</source>
        <translation>从尚未运行的单元格继续</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="73"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="74"/>
        <source>Stops the run for good; what finished is kept</source>
        <translation>彻底停止运行；已完成的部分会保留</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="75"/>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="76"/>
        <source>Runs the failed repeats again</source>
        <translation>重新运行失败的重复</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="77"/>
        <source>Run progress</source>
        <translation>运行进度</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="78"/>
        <source>The share of the run&apos;s requests that have ended</source>
        <translation>运行中已结束的请求所占比例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="125"/>
        <source>No run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="128"/>
        <source>{done} done</source>
        <translation>已完成 {done}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="129"/>
        <source>{failed} failed</source>
        <translation>失败 {failed}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="130"/>
        <source>{remaining} remaining</source>
        <translation>剩余 {remaining}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="134"/>
        <source>${cost:.4f} so far</source>
        <translation>目前花费 ${cost:.4f}</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="142"/>
        <source>about {n} s left</source>
        <translation>约剩 {n} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="144"/>
        <source>about {n} min left</source>
        <translation>约剩 {n} 分钟</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="145"/>
        <source>about {h:.1f} h left</source>
        <translation>约剩 {h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="150"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="151"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="152"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="153"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>SamplingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="100"/>
        <source>Output and sampling</source>
        <translation>输出与采样</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="108"/>
        <source>One stop sequence per line</source>
        <translation>每行一个停止序列</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="109"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="110"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="111"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="112"/>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="113"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="142"/>
        <source>{model} writes at most {count} tokens.</source>
        <translation>{model} 最多输出 {count} 个 token。</translation>
    </message>
</context>
<context>
    <name>SearchAction</name>
    <message>
        <location filename="../../gui/search/action.py" line="36"/>
        <source>Search conversations…</source>
        <translation>搜索对话…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../gui/search/dialog.py" line="139"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="140"/>
        <source>Search titles and messages</source>
        <translation>搜索标题和消息</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="141"/>
        <source>Any model</source>
        <translation>任意模型</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="142"/>
        <source>Any provider</source>
        <translation>任意服务商</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="143"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="144"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="145"/>
        <source>With attachments</source>
        <translation>含附件</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="146"/>
        <source>Include thinking</source>
        <translation>包括思考</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="147"/>
        <source>Include tool calls</source>
        <translation>包括工具调用</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="148"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="149"/>
        <source>Words to find in titles and messages, Chinese included</source>
        <translation>要在标题和消息中查找的词，包括中文</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="150"/>
        <source>Only conversations with replies from this model</source>
        <translation>只看包含此模型回复的对话</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="151"/>
        <source>Only conversations sent through this provider</source>
        <translation>只看通过此服务商发送的对话</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="152"/>
        <source>Only messages from this date on</source>
        <translation>只看此日期及之后的消息</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="153"/>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="154"/>
        <source>The first day searched</source>
        <translation>搜索的第一天</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="155"/>
        <source>Only messages up to this date</source>
        <translation>只看此日期及之前的消息</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="156"/>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="157"/>
        <source>The last day searched</source>
        <translation>搜索的最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="158"/>
        <source>Only messages with an image or a file attached</source>
        <translation>只看附有图片或文件的消息</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="159"/>
        <source>Also search the model&apos;s thinking</source>
        <translation>同时搜索模型的思考内容</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="160"/>
        <source>Also search tool calls and their results</source>
        <translation>同时搜索工具调用及其结果</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="161"/>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="162"/>
        <source>Enter opens the conversation at the message</source>
        <translation>按 Enter 打开对话并定位到该消息</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="207"/>
        <source>No results</source>
        <translation>没有结果</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="226"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="104"/>
        <source>Shows or hides these settings</source>
        <translation>显示或隐藏这些设置</translation>
    </message>
</context>
<context>
    <name>SendPreviewBar</name>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="102"/>
        <source>Context window used</source>
        <translation>已用上下文窗口</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/send_preview.py" line="109"/>
        <source>%Ln tokens</source>
        <translation>
            <numerusform>%Ln 个 token</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="114"/>
        <source>{percent} of {window} context</source>
        <translation>占 {window} 上下文的 {percent}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="119"/>
        <source>{cost} input</source>
        <translation>输入 {cost}</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="121"/>
        <source>near the context limit</source>
        <translation>接近上下文上限</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="123"/>
        <source>longer than the context window: it will be refused</source>
        <translation>超出上下文窗口：请求会被拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="135"/>
        <source>Counted by the provider (count_tokens).</source>
        <translation>由服务商计数（count_tokens）。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="138"/>
        <source>Estimated here at about four characters a token: the provider has no token count, or its count has not come yet.</source>
        <translation>在本地按约四个字符一个 token 估算：服务商不提供 token 计数，或其计数尚未返回。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="142"/>
        <source>The cost is for the input at the model&apos;s price, before any prompt caching.</source>
        <translation>费用按模型价格计算输入部分，未计提示缓存。</translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../gui/tools/server_form.py" line="38"/>
        <source>Give the server a name.</source>
        <translation>请为服务器命名。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="40"/>
        <source>Another server has this name.</source>
        <translation>已有服务器使用此名称。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="42"/>
        <source>Give the command that starts the server.</source>
        <translation>请填写启动服务器的命令。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="47"/>
        <source>Give the server&apos;s address, starting with http:// or https://.</source>
        <translation>请填写服务器地址，以 http:// 或 https:// 开头。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="66"/>
        <source>e.g. files</source>
        <translation>例如 files</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="71"/>
        <source>e.g. npx, uvx or a full path</source>
        <translation>例如 npx、uvx 或完整路径</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="73"/>
        <source>Separated by spaces; quote an argument that holds one</source>
        <translation>以空格分隔；含空格的参数请加引号</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="75"/>
        <source>Optional; Triptych&apos;s own folder when empty</source>
        <translation>可选；留空时为 Triptych 自己的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="77"/>
        <source>VARIABLE</source>
        <translation>变量名</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="79"/>
        <source>Environment variables the server starts with; tick Secret for keys and tokens</source>
        <translation>服务器启动时的环境变量；密钥和 token 请勾选“机密”</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="85"/>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="87"/>
        <source>HTTP headers sent with every request; tick Secret for keys and tokens</source>
        <translation>每个请求都会发送的 HTTP 请求头；密钥和 token 请勾选“机密”</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="90"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="91"/>
        <source>Trusted: believe its tools&apos; annotations</source>
        <translation>受信任：相信其工具的注解</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="94"/>
        <source>A trusted server&apos;s read-only tools run without asking. An untrusted server&apos;s annotations are shown as hints only, and every call asks first.</source>
        <translation>受信任服务器的只读工具无需询问即可运行。未受信任服务器的注解仅作为提示显示，每次调用都会先询问。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="101"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="104"/>
        <source>How long one tool call may take; then it is stopped and the model is told</source>
        <translation>一次工具调用最多可用的时间；超时后调用会被停止并告知模型</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="107"/>
        <source>How Triptych reaches the server: a command it starts, or an address</source>
        <translation>Triptych 连接服务器的方式：启动一个命令，或访问一个地址</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="110"/>
        <source>When off, the server is not started and its tools are not offered</source>
        <translation>关闭时，不启动该服务器，也不提供其工具</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="118"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="119"/>
        <source>Transport</source>
        <translation>传输方式</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="120"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="121"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="122"/>
        <source>Working folder</source>
        <translation>工作文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="78"/>
        <location filename="../../gui/tools/server_form.py" line="123"/>
        <source>Environment</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="124"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="86"/>
        <location filename="../../gui/tools/server_form.py" line="125"/>
        <source>Headers</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="126"/>
        <source>Call timeout</source>
        <translation>调用超时</translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="175"/>
        <source>The arguments have an unclosed quote.</source>
        <translation>参数中有未闭合的引号。</translation>
    </message>
</context>
<context>
    <name>ServerToolsSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="284"/>
        <source>Server tools</source>
        <translation>服务器工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="288"/>
        <source>Web search</source>
        <translation>网页搜索</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="289"/>
        <source>Only these domains, e.g. example.com, docs.python.org</source>
        <translation>仅限这些域名，例如 example.com, docs.python.org</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="290"/>
        <source>Never these domains</source>
        <translation>排除这些域名</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="292"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="293"/>
        <source>Country code, e.g. US</source>
        <translation>国家代码，例如 CN</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="299"/>
        <source>Web fetch</source>
        <translation>网页抓取</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="300"/>
        <source>Cite the fetched pages</source>
        <translation>引用抓取的网页</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="303"/>
        <source>Allowed domains</source>
        <translation>允许的域名</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="304"/>
        <source>Blocked domains</source>
        <translation>屏蔽的域名</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="305"/>
        <source>Max searches</source>
        <translation>最大搜索次数</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="306"/>
        <source>User location</source>
        <translation>用户位置</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="309"/>
        <source>Max content tokens</source>
        <translation>最大内容 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="329"/>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>ServersDialog</name>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="81"/>
        <location filename="../../gui/tools/servers_dialog.py" line="104"/>
        <source>MCP servers</source>
        <translation>MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="105"/>
        <source>The server whose settings are shown on the right</source>
        <translation>右侧显示其设置的服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="106"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="106"/>
        <source>Adds a new server</source>
        <translation>添加一个新服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="108"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="108"/>
        <source>Removes the selected server when you save</source>
        <translation>保存时移除所选服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="111"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="112"/>
        <source>Adds servers from Claude desktop&apos;s or VS Code&apos;s configuration, or from pasted JSON</source>
        <translation>从 Claude 桌面版或 VS Code 的配置、或粘贴的 JSON 中添加服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="116"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="117"/>
        <source>Saves the servers as mcpServers JSON; secret values are left out</source>
        <translation>将服务器保存为 mcpServers JSON；机密值不会导出</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="143"/>
        <source>Server&apos;s last messages</source>
        <translation>服务器最近的输出</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="144"/>
        <source>The last lines the server wrote to its error output</source>
        <translation>服务器写入错误输出的最后几行</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="146"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="146"/>
        <source>Stops the server and starts it again</source>
        <translation>停止服务器并重新启动</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="155"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="155"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="157"/>
        <location filename="../../gui/tools/servers_dialog.py" line="172"/>
        <location filename="../../gui/tools/servers_dialog.py" line="314"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="158"/>
        <source>The tools the server offers</source>
        <translation>服务器提供的工具</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="163"/>
        <source>Tool details</source>
        <translation>工具详情</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="165"/>
        <source>The selected tool&apos;s description, annotations and input schema</source>
        <translation>所选工具的说明、注解和输入模式</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="171"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="232"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="280"/>
        <source>Not saved yet: Save starts it with these settings.</source>
        <translation>尚未保存：保存后将按这些设置启动。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="282"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="284"/>
        <source>Not started yet.</source>
        <translation>尚未启动。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/servers_dialog.py" line="314"/>
        <source>Tools (%n)</source>
        <translation>
            <numerusform>工具（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="327"/>
        <source>Offered to the model as {exposed}: another server has a tool named {name}.</source>
        <translation>以 {exposed} 的名称提供给模型：另一个服务器也有名为 {name} 的工具。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="338"/>
        <source>Annotations</source>
        <translation>注解</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="338"/>
        <source>Annotations (hints only: server not trusted)</source>
        <translation>注解（仅作提示：服务器未受信任）</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="340"/>
        <source>, </source>
        <comment>between a tool&apos;s annotations</comment>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="345"/>
        <source>Not offered to the model: its input schema is invalid ({problem}).</source>
        <translation>未提供给模型：其输入模式无效（{problem}）。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="349"/>
        <source>Input schema:</source>
        <translation>输入模式：</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="365"/>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="482"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="494"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="495"/>
        <source>Save the changes to the MCP servers?</source>
        <translation>保存对 MCP 服务器的更改吗？</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="25"/>
        <location filename="../../gui/help/shortcuts_dialog.py" line="31"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="30"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="30"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="32"/>
        <source>Each action and the keys that do it</source>
        <translation>每个操作及执行它的按键</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="42"/>
        <source>Tab and Shift+Tab move between controls, out of text boxes too.</source>
        <translation>Tab 和 Shift+Tab 在控件之间移动，也能离开文本框。</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="64"/>
        <source>Send the message (in the composer)</source>
        <translation>发送消息（在输入框中）</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="65"/>
        <source>New line (in the composer)</source>
        <translation>换行（在输入框中）</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="66"/>
        <source>Next control / previous control</source>
        <translation>下一个控件 / 上一个控件</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="67"/>
        <source>Rename the conversation (in the list)</source>
        <translation>重命名对话（在列表中）</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="68"/>
        <source>Follow the link in the transcript that has the focus</source>
        <translation>打开对话记录中获得焦点的链接</translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="69"/>
        <source>Open the menu of what has the focus (copy a message, copy as cURL…)</source>
        <translation>打开获得焦点处的菜单（复制消息、复制为 cURL…）</translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <location filename="../../gui/spend/chart.py" line="50"/>
        <source>Spend chart</source>
        <translation>花费图表</translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="51"/>
        <source>A stacked bar per period, a colour per group</source>
        <translation>每个时段一根堆叠柱，每组一种颜色</translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="97"/>
        <location filename="../../gui/spend/chart.py" line="122"/>
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="135"/>
        <source>Cost (US$)</source>
        <translation>费用（美元）</translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="135"/>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="142"/>
        <source>Nothing spent in this range: no replies to chart.</source>
        <translation>此范围内没有花费：没有可绘制的回复。</translation>
    </message>
</context>
<context>
    <name>SpendMenu</name>
    <message>
        <location filename="../../gui/spend/menu.py" line="28"/>
        <source>Spend…</source>
        <translation>花费…</translation>
    </message>
    <message>
        <location filename="../../gui/spend/menu.py" line="29"/>
        <source>Cost and tokens per day, by model and provider</source>
        <translation>按模型和提供方查看每天的费用和 token</translation>
    </message>
</context>
<context>
    <name>SpendTableModel</name>
    <message>
        <location filename="../../gui/spend/table_model.py" line="54"/>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="55"/>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="56"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="57"/>
        <source>Cache reads</source>
        <translation>缓存读取</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="58"/>
        <source>Cache writes</source>
        <translation>缓存写入</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="59"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="60"/>
        <source>Saved by caching</source>
        <translation>缓存节省</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/table_model.py" line="83"/>
        <source>%n reply(s) of a model with no known price: counted in the tokens, not in the cost.</source>
        <translation>
            <numerusform>%n 条回复的模型没有已知价格：计入 token，不计入费用。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="88"/>
        <source>{count} of them kept for an hour</source>
        <translation>其中 {count} 个保留一小时</translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="93"/>
        <source>Cache reads at the full input price, less what they cost, less the extra paid for cache writes</source>
        <translation>缓存读取按完整输入价格计算，减去其实际费用，再减去缓存写入多付的部分</translation>
    </message>
</context>
<context>
    <name>SpendWindow</name>
    <message>
        <location filename="../../gui/spend/window.py" line="49"/>
        <source>Export spend as CSV</source>
        <translation>将花费导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="50"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="97"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="98"/>
        <source>Tokens</source>
        <translation>token 数</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="164"/>
        <source>Spend</source>
        <translation>花费</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="165"/>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="166"/>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="167"/>
        <source>&amp;All time</source>
        <translation>全部时间(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="168"/>
        <source>&amp;Per</source>
        <translation>按(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="169"/>
        <source>&amp;By</source>
        <translation>分组(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="170"/>
        <source>C&amp;hart</source>
        <translation>图表(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="171"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="172"/>
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="183"/>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="183"/>
        <source>The first day counted, in local time</source>
        <translation>统计的第一天（本地时间）</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="184"/>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="184"/>
        <source>The last day counted, in local time</source>
        <translation>统计的最后一天（本地时间）</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="185"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="185"/>
        <source>Count every stored reply, whatever its day</source>
        <translation>统计所有已保存的回复，不论日期</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="186"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="186"/>
        <source>Sum the spend per day, week or month</source>
        <translation>按天、周或月汇总花费</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="187"/>
        <source>Group by</source>
        <translation>分组依据</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="187"/>
        <source>Split the spend by model, provider or source</source>
        <translation>按模型、提供方或来源拆分花费</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="188"/>
        <source>Chart shows</source>
        <translation>图表显示</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="188"/>
        <source>What the bars measure: cost or tokens</source>
        <translation>柱形表示的内容：费用或 token</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="189"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="189"/>
        <source>Read the stored replies again</source>
        <translation>重新读取已保存的回复</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="190"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="190"/>
        <source>Save the table as a CSV file</source>
        <translation>将表格保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="193"/>
        <source>Spend table</source>
        <translation>花费表</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="194"/>
        <source>One row per period and group; click a header to sort</source>
        <translation>每个时段和分组一行；点击表头排序</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="196"/>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="196"/>
        <source>The totals of the range shown</source>
        <translation>所示范围的合计</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="217"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="224"/>
        <source>Could not read the stored replies from {path}. Refresh tries again.</source>
        <translation>无法从 {path} 读取已保存的回复。点击“刷新”重试。</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="273"/>
        <source>No replies in this range.</source>
        <translation>此范围内没有回复。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/window.py" line="276"/>
        <source>{cost} for %Ln reply(s): {input} input, {output} output, {read} read from the cache and {written} written to it. Caching saved {saved}.</source>
        <translation>
            <numerusform>{cost}，共 %Ln 条回复：输入 {input}，输出 {output}，从缓存读取 {read}，写入缓存 {written}。缓存节省了 {saved}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/window.py" line="290"/>
        <source>* Not in the cost: %n reply(s) of a model with no known price (their tokens are counted).</source>
        <translation>
            <numerusform>* 未计入费用：%n 条回复的模型没有已知价格（其 token 已计入）。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="315"/>
        <source>Could not save {path}: {error}. Nothing was changed there; export again to retry.</source>
        <translation>无法保存 {path}：{error}。该位置没有任何改动；再次导出即可重试。</translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="319"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>SpendWords</name>
    <message>
        <location filename="../../gui/spend/words.py" line="14"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="15"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="16"/>
        <source>Evaluation grids</source>
        <translation>评测网格</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="17"/>
        <source>LLM judge</source>
        <translation>LLM 评审</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="24"/>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="25"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="26"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="32"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="33"/>
        <source>Provider</source>
        <translation>提供方</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="34"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="44"/>
        <source>(unknown model)</source>
        <translation>（未知模型）</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="46"/>
        <source>(unknown provider)</source>
        <translation>（未知提供方）</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="57"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="60"/>
        <source>week of {day}</source>
        <translation>{day} 这周</translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <location filename="../../gui/startup/errors.py" line="34"/>
        <source>Triptych is already running with the data folder {folder}, but it does not answer. Close it (or wait until it has started), then start Triptych again; or start with another folder (--data-dir).</source>
        <translation>Triptych 已在使用数据文件夹 {folder} 运行，但没有响应。请关闭它（或等它启动完成），然后再次启动 Triptych；或使用另一个文件夹启动（--data-dir）。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="41"/>
        <source>Triptych cannot write in its data folder {folder} (read-only, or owned by another user). Nothing there was changed. Make the folder writable, or start with another folder (--data-dir).

Details: {details}</source>
        <translation>Triptych 无法写入其数据文件夹 {folder}（只读，或属于其他用户）。其中的内容没有任何改动。请让该文件夹可写，或使用另一个文件夹启动（--data-dir）。

详情：{details}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="48"/>
        <source>The database {path} was written by a newer version of Triptych. Update Triptych to open it; it was left as it is.</source>
        <translation>数据库 {path} 由更新版本的 Triptych 写入。请更新 Triptych 后再打开；该文件保持原样。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="54"/>
        <source>The file {path} is a database of another program. It was left as it is; move it away or start with another folder (--data-dir).</source>
        <translation>文件 {path} 是其他程序的数据库。该文件保持原样；请将其移走，或使用另一个文件夹启动（--data-dir）。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="64"/>
        <source>The database {path} is damaged. It was left as it is: do not delete it. Copy it somewhere safe, then start Triptych with another folder (--data-dir) and use File → Restore from backup… with the daily backups in {backups}.

Details: {details}</source>
        <translation>数据库 {path} 已损坏。该文件保持原样：请不要删除它。请先将它复制到安全的位置，然后使用另一个文件夹启动 Triptych（--data-dir），并通过“文件 → 从备份恢复…”使用 {backups} 中的每日备份。

详情：{details}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="71"/>
        <source>The disk holding {path} is full. Free some space, then start Triptych again.</source>
        <translation>存放 {path} 的磁盘已满。请释放一些空间，然后再次启动 Triptych。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="74"/>
        <source>Triptych cannot open its database {path}.

Details: {details}</source>
        <translation>Triptych 无法打开其数据库 {path}。

详情：{details}</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="80"/>
        <source>Triptych is already running with the data folder {folder} (process {pid}); its window was brought forward.</source>
        <translation>Triptych 已在使用数据文件夹 {folder} 运行（进程 {pid}）；已将其窗口调到前台。</translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="90"/>
        <source>Triptych cannot start</source>
        <translation>Triptych 无法启动</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="54"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="55"/>
        <source>Tags in use</source>
        <translation>已有标签</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="56"/>
        <source>New tags</source>
        <translation>新标签</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="57"/>
        <source>Tags in use (tick the ones this conversation has):</source>
        <translation>已有标签（勾选此对话的标签）：</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="58"/>
        <source>New tags, separated by commas:</source>
        <translation>新标签，用逗号分隔：</translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="59"/>
        <source>e.g. work, ideas</source>
        <translation>例如：工作, 想法</translation>
    </message>
</context>
<context>
    <name>TestSetEditor</name>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <location filename="../../gui/grid/test_set_editor.py" line="108"/>
        <source>Prompt template</source>
        <translation>提示词模板</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <source>Variables</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <location filename="../../gui/grid/test_set_editor.py" line="111"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="104"/>
        <source>e.g. Support answers</source>
        <translation>例如：客服回答</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="105"/>
        <source>Test set name</source>
        <translation>测试集名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="106"/>
        <source>The name the test set is saved under</source>
        <translation>测试集保存时使用的名称</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="107"/>
        <source>The prompt, with {{variables}} filled from each case</source>
        <translation>提示词，其中的 {{variables}} 由每个用例填入</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="109"/>
        <source>Each {{name}} becomes a column of the cases below</source>
        <translation>每个 {{name}} 会成为下方用例表中的一列</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="110"/>
        <source>Optional; a variant&apos;s own system prompt takes its place</source>
        <translation>可选；变体自己的系统提示词会取代它</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="112"/>
        <source>Sent with every case, unless the variant has its own</source>
        <translation>随每个用例发送，除非变体有自己的系统提示词</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="113"/>
        <source>Test cases</source>
        <translation>测试用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="115"/>
        <source>One row per case: its name, a value for each variable and what you expect</source>
        <translation>每个用例一行：名称、每个变量的值和预期</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="117"/>
        <source>Add case</source>
        <translation>添加用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="118"/>
        <source>Adds an empty row to the cases</source>
        <translation>在用例中添加一个空行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="119"/>
        <source>Remove cases</source>
        <translation>删除用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="120"/>
        <source>Removes the selected rows</source>
        <translation>删除所选的行</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="121"/>
        <source>Import CSV/JSONL…</source>
        <translation>导入 CSV/JSONL…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="123"/>
        <source>Adds cases from a CSV or JSONL file with a column per variable</source>
        <translation>从每个变量一列的 CSV 或 JSONL 文件添加用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="171"/>
        <location filename="../../gui/grid/test_set_editor.py" line="202"/>
        <source>Case {n}</source>
        <translation>用例 {n}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/test_set_editor.py" line="186"/>
        <source>Sent after %n earlier message(s) of a conversation</source>
        <translation>
            <numerusform>在对话中较早的 %n 条消息之后发送</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="222"/>
        <source>Give the test set a name.</source>
        <translation>请为测试集命名。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="224"/>
        <source>Write the prompt template: the prompt sent for each case.</source>
        <translation>请填写提示词模板：为每个用例发送的提示词。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="226"/>
        <source>The test set has no cases: add a row or import a CSV or JSONL file.</source>
        <translation>测试集中没有用例：请添加一行，或导入 CSV 或 JSONL 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="231"/>
        <source>Row {row} (&quot;{case}&quot;) has no value for {{{{{variable}}}}}: fill it in or remove the row.</source>
        <translation>第 {row} 行（“{case}”）缺少 {{{{{variable}}}}} 的值：请填写或删除该行。</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="275"/>
        <source>Case</source>
        <translation>用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="275"/>
        <source>Expected</source>
        <translation>预期</translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="280"/>
        <source>None yet: write {{name}} in the template to add a column</source>
        <translation>暂无：在模板中写 {{name}} 即可添加一列</translation>
    </message>
</context>
<context>
    <name>ThinkingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="151"/>
        <source>Thinking and effort</source>
        <translation>思考与投入</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="153"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="154"/>
        <source>On, with a budget</source>
        <translation>开启，设定预算</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="155"/>
        <source>Adaptive</source>
        <translation>自适应</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="159"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="160"/>
        <source>Summarized</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="161"/>
        <source>Omitted</source>
        <translation>省略</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="163"/>
        <source>Default (not sent)</source>
        <translation>默认（不发送）</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Extra high</source>
        <translation>极高</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Max</source>
        <translation>最高</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="167"/>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="168"/>
        <source>Budget tokens</source>
        <translation>预算 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="169"/>
        <source>Thinking shown</source>
        <translation>思考显示</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="170"/>
        <source>Effort</source>
        <translation>投入程度</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="213"/>
        <source>{model} cannot think.</source>
        <translation>{model} 不支持思考。</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="216"/>
        <source>{model} does not accept thinking with a budget; use adaptive thinking.</source>
        <translation>{model} 不接受带预算的思考；请使用自适应思考。</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="217"/>
        <source>{model} does not accept adaptive thinking.</source>
        <translation>{model} 不接受自适应思考。</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="233"/>
        <source>{model} does not accept effort.</source>
        <translation>{model} 不接受投入程度设置。</translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="238"/>
        <source>{model} does not accept effort &quot;{level}&quot;.</source>
        <translation>{model} 不接受投入程度“{level}”。</translation>
    </message>
</context>
<context>
    <name>ToolCards</name>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="124"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="134"/>
        <source>Waiting for your approval</source>
        <translation>等待你的批准</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="137"/>
        <source>Running… {seconds} s</source>
        <translation>运行中… {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="152"/>
        <source>The tool reported an error ({seconds})</source>
        <translation>工具报告了错误（{seconds}）</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="153"/>
        <source>Done in {seconds}</source>
        <translation>完成，用时 {seconds}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="155"/>
        <source>Declined: the model was told you declined this call</source>
        <translation>已拒绝：已告知模型你拒绝了此次调用</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="157"/>
        <source>Stopped after {seconds}</source>
        <translation>已在 {seconds} 后停止</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="162"/>
        <source>Failed after {seconds}: {reason}</source>
        <translation>{seconds} 后失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="168"/>
        <source>the tool reported an error</source>
        <translation>工具报告了错误</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="169"/>
        <source>the tool took longer than the server&apos;s time limit</source>
        <translation>工具运行超出了服务器的时间限制</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="170"/>
        <source>the server stopped during the call</source>
        <translation>服务器在调用过程中停止了</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="171"/>
        <source>the server is not running</source>
        <translation>服务器未在运行</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="172"/>
        <source>no server offers a tool of that name</source>
        <translation>没有服务器提供该名称的工具</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="173"/>
        <source>the arguments do not fit the tool&apos;s input schema</source>
        <translation>参数不符合工具的输入模式</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="174"/>
        <source>the server&apos;s answer could not be read</source>
        <translation>无法读取服务器的回答</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="175"/>
        <source>declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="176"/>
        <source>this turn reached its limit of tool calls</source>
        <translation>本轮已达到工具调用次数上限</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="177"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="179"/>
        <source>it did not give a result</source>
        <translation>没有给出结果</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="179"/>
        <source>no result</source>
        <translation>无结果</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="190"/>
        <source>The result was cut to fit: it had {count} characters.</source>
        <translation>结果过长已截断：原有 {count} 个字符。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="201"/>
        <source>Result ▾</source>
        <translation>结果 ▾</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/tool_cards.py" line="203"/>
        <source>Result ▸ (%n image(s))</source>
        <translation>
            <numerusform>结果 ▸（%n 张图片）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/tool_cards.py" line="205"/>
        <source>Result ▸ (%n line(s))</source>
        <translation>
            <numerusform>结果 ▸（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="224"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="226"/>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="227"/>
        <source>{seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒</translation>
    </message>
</context>
<context>
    <name>ToolFiles</name>
    <message>
        <location filename="../../gui/tools/files.py" line="18"/>
        <source>Import MCP servers</source>
        <translation>导入 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="19"/>
        <source>JSON files (*.json *.jsonc);;All files (*)</source>
        <translation>JSON 文件 (*.json *.jsonc);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="28"/>
        <source>Export MCP servers</source>
        <translation>导出 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="29"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>ToolResultsDialog</name>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="26"/>
        <source>Reply to the tool calls</source>
        <translation>回复工具调用</translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="29"/>
        <source>Type or paste each tool&apos;s result (JSON or text); the model then continues.</source>
        <translation>输入或粘贴每个工具的结果（JSON 或文本），随后模型会继续。</translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="43"/>
        <source>The tool&apos;s result, as JSON or text</source>
        <translation>工具的结果，JSON 或文本</translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="44"/>
        <source>Mark as error</source>
        <translation>标记为错误</translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="45"/>
        <source>Tells the model the tool failed</source>
        <translation>告诉模型该工具失败了</translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="54"/>
        <source>Send results</source>
        <translation>发送结果</translation>
    </message>
</context>
<context>
    <name>ToolWords</name>
    <message>
        <location filename="../../gui/tools/words.py" line="20"/>
        <source>Local command (stdio)</source>
        <translation>本地命令（stdio）</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="21"/>
        <source>Streamable HTTP</source>
        <translation>可流式 HTTP（Streamable HTTP）</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="22"/>
        <source>HTTP with SSE (legacy)</source>
        <translation>HTTP + SSE（旧版）</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="30"/>
        <source>The command was not found. Check its name, or give its full path.</source>
        <translation>找不到该命令。请检查名称，或填写完整路径。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="33"/>
        <source>The server exited while starting.</source>
        <translation>服务器在启动时退出了。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="36"/>
        <source>The server stopped unexpectedly.</source>
        <translation>服务器意外停止。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="37"/>
        <source>The server could not be reached at this address.</source>
        <translation>无法通过此地址连接到服务器。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="40"/>
        <source>The server refused the credentials (401). Check the headers.</source>
        <translation>服务器拒绝了凭据（401）。请检查请求头。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="43"/>
        <source>The server cut the connection.</source>
        <translation>服务器切断了连接。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="44"/>
        <source>The server did not speak MCP as expected.</source>
        <translation>服务器没有按预期使用 MCP 协议通信。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="47"/>
        <source>The server did not become ready in time.</source>
        <translation>服务器未能及时就绪。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="50"/>
        <source>A secret value is missing from the keyring. Enter it again.</source>
        <translation>密钥环中缺少一个机密值。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="53"/>
        <source>The server&apos;s settings are incomplete or invalid.</source>
        <translation>服务器的设置不完整或无效。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/words.py" line="15"/>
        <source>Ready, %n tool(s)</source>
        <translation>
            <numerusform>就绪，%n 个工具</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="68"/>
        <source>The server failed.</source>
        <translation>服务器出错。</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="70"/>
        <source>Failed: {reason}</source>
        <translation>失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="72"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="73"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="74"/>
        <source>Restarting…</source>
        <translation>正在重启…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="95"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="97"/>
        <source>may change things</source>
        <translation>可能修改内容</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="99"/>
        <source>destructive</source>
        <translation>破坏性</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="101"/>
        <source>not destructive</source>
        <translation>非破坏性</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="103"/>
        <source>idempotent</source>
        <translation>幂等</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="105"/>
        <source>reaches the outside world</source>
        <translation>访问外部世界</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="107"/>
        <source>closed world</source>
        <translation>封闭环境</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="113"/>
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="114"/>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="115"/>
        <source>Ask</source>
        <translation>询问</translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../../gui/tools/controller.py" line="68"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="69"/>
        <source>MCP servers…</source>
        <translation>MCP 服务器…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="71"/>
        <source>Permissions…</source>
        <translation>权限…</translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="151"/>
        <source>Not exported: {reason}</source>
        <translation>未导出：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="153"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>ToolsSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="85"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="88"/>
        <source>A JSON list of tool definitions: [{name, description, input_schema}]</source>
        <translation>工具定义的 JSON 列表：[{name, description, input_schema}]</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="90"/>
        <source>Add a tool template</source>
        <translation>添加工具模板</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="91"/>
        <source>Adds an example tool definition to edit</source>
        <translation>添加一个示例工具定义以便编辑</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="94"/>
        <source>Default (not sent)</source>
        <translation>默认（不发送）</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="95"/>
        <source>Auto: the model decides</source>
        <translation>自动：由模型决定</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="96"/>
        <source>Any: must use a tool</source>
        <translation>任意：必须使用工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="97"/>
        <source>A specific tool</source>
        <translation>指定工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="98"/>
        <source>None: no tools</source>
        <translation>无：不使用工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="105"/>
        <location filename="../../gui/params/tools_section.py" line="111"/>
        <source>Tool name</source>
        <translation>工具名称</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="106"/>
        <source>One tool call at a time</source>
        <translation>一次只调用一个工具</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="107"/>
        <source>Sends disable_parallel_tool_use.</source>
        <translation>发送 disable_parallel_tool_use。</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="110"/>
        <source>Tool choice</source>
        <translation>工具选择</translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="168"/>
        <source>Tools: {error}</source>
        <translation>工具：{error}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../gui/transcript/view.py" line="55"/>
        <source>Transcript</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/view.py" line="57"/>
        <source>The messages. Tab moves through their links; the menu key opens a message&apos;s menu.</source>
        <translation>对话中的消息。Tab 在其中的链接之间移动；菜单键打开消息的菜单。</translation>
    </message>
</context>
<context>
    <name>TransferMenu</name>
    <message>
        <location filename="../../gui/transfer/menu.py" line="125"/>
        <source>Export conversation…</source>
        <translation>导出对话…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="127"/>
        <source>Export all as JSON…</source>
        <translation>全部导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="129"/>
        <source>Export all as Markdown…</source>
        <translation>全部导出为 Markdown…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="132"/>
        <source>Include thinking in exports</source>
        <translation>导出时包括思考</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="135"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="137"/>
        <location filename="../../gui/transfer/menu.py" line="413"/>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="158"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="159"/>
        <location filename="../../gui/transfer/menu.py" line="220"/>
        <source>Triptych JSON (*.json)</source>
        <translation>Triptych JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="160"/>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="161"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="173"/>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="209"/>
        <location filename="../../gui/transfer/menu.py" line="256"/>
        <source>Could not write {path}: {error}</source>
        <translation>无法写入 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="212"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="218"/>
        <source>Export all conversations</source>
        <translation>导出全部对话</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="224"/>
        <source>Folder for the Markdown files</source>
        <translation>存放 Markdown 文件的文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="259"/>
        <source>Exported %n conversation(s) to {path}</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="265"/>
        <source>Exported %n conversation(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 {path}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="266"/>
        <source>%n could not be written:</source>
        <translation>
            <numerusform>%n 个无法写入：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="270"/>
        <source>{title} ({name}): {reason}</source>
        <translation>{title}（{name}）：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="279"/>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="279"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="280"/>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="299"/>
        <source>Import cancelled: nothing was imported from {name}.</source>
        <translation>导入已取消：没有从 {name} 导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="303"/>
        <source>Nothing was imported from {name}.

{error}</source>
        <translation>没有从 {name} 导入任何内容。

{error}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="316"/>
        <source>There is no backup yet. Triptych makes one each day it starts.</source>
        <translation>还没有备份。Triptych 每天启动时会做一次备份。</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="319"/>
        <source>{day} ({size} KB)</source>
        <translation>{day}（{size} KB）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="324"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="325"/>
        <source>Conversations in the backup that are missing here are added; nothing here is replaced.</source>
        <translation>备份中有而此处没有的对话会被添加；此处的内容不会被替换。</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="335"/>
        <source>Nothing was restored from {name}.

{error}</source>
        <translation>没有从 {name} 恢复任何内容。

{error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="350"/>
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>已导入 %n 个对话。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="354"/>
        <source>%n conversation(s) already here, not imported again:</source>
        <translation>
            <numerusform>%n 个对话已存在，未再次导入：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="358"/>
        <source>Imported %n test set(s) for evaluation grids.</source>
        <translation>
            <numerusform>已导入 %n 个评测网格测试集。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="360"/>
        <source>Imported %n grid run(s).</source>
        <translation>
            <numerusform>已导入 %n 次网格运行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="363"/>
        <source>Imported %n blind vote(s).</source>
        <translation>
            <numerusform>已导入 %n 条盲评投票。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="365"/>
        <source>Imported %n judge template(s):</source>
        <translation>
            <numerusform>已导入 %n 个评审模板：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="368"/>
        <source>Imported %n judge score(s) and verdict(s).</source>
        <translation>
            <numerusform>已导入 %n 条评审评分和裁决。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="370"/>
        <source>%n vote(s) already here, not imported again.</source>
        <translation>
            <numerusform>%n 条投票已存在，未再次导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="374"/>
        <source>%n test set(s) or grid run(s) already here, not imported again.</source>
        <translation>
            <numerusform>%n 个测试集或网格运行已存在，未再次导入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="377"/>
        <source>Left out (%n):</source>
        <translation>
            <numerusform>未导入（%n）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="394"/>
        <source>The database is damaged, so today&apos;s backup was not made: a damaged copy would replace a good one. Every earlier backup (%n) was kept. Restore from backup… adds the conversations of a good backup.

Details: {details}</source>
        <translation>
            <numerusform>数据库已损坏，因此今天没有进行备份：损坏的副本会取代一个完好的备份。之前的所有备份（%n 个）都已保留。“从备份恢复…”会添加某个完好备份中的对话。

详情：{details}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="403"/>
        <source>The daily backup failed: {error}</source>
        <translation>每日备份失败：{error}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="410"/>
        <source>Triptych</source>
        <translation>Triptych</translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message>
        <location filename="../../gui/transfer/words.py" line="16"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="17"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="18"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="19"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="20"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="21"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="22"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="23"/>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="24"/>
        <source>Effort</source>
        <translation>投入程度</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="25"/>
        <source>Thinking</source>
        <translation>思考</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="26"/>
        <source>off</source>
        <comment>thinking</comment>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="27"/>
        <source>adaptive</source>
        <comment>thinking</comment>
        <translation>自适应</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="28"/>
        <source>on</source>
        <comment>thinking</comment>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="29"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="30"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="31"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="33"/>
        <source>the conversation&apos;s current ones, below; each reply says what it was made with</source>
        <translation>下列为对话当前的设置；每条回复会注明生成时所用的设置</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="35"/>
        <source>Made with: {settings}</source>
        <translation>生成时设置：{settings}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="36"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="37"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="38"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="39"/>
        <source>{input} in / {output} out tokens</source>
        <translation>输入 {input} / 输出 {output} token</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="40"/>
        <source>{input} in / ≈{output} out tokens (estimated)</source>
        <translation>输入 {input} / 输出约 {output} token（估算）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="41"/>
        <source>stop: {reason}</source>
        <translation>停止原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="42"/>
        <source>unfinished</source>
        <comment>reply status</comment>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="43"/>
        <source>interrupted</source>
        <comment>reply status</comment>
        <translation>已中断</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="44"/>
        <source>cancelled</source>
        <comment>reply status</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="45"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="46"/>
        <source>(redacted thinking)</source>
        <translation>（已隐去的思考）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="47"/>
        <source>Tool call {name} ({id})</source>
        <translation>工具调用 {name}（{id}）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="48"/>
        <source>Tool result for {id}</source>
        <translation>{id} 的工具结果</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="49"/>
        <source>Tool result (error) for {id}</source>
        <translation>{id} 的工具结果（出错）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="50"/>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="51"/>
        <source>document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="52"/>
        <source>{kind} {number}</source>
        <comment>an attachment without a title</comment>
        <translation>{kind} {number}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="53"/>
        <source>{title}: its data is not valid base64</source>
        <translation>{title}：数据不是有效的 base64</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="54"/>
        <source>Tool {name} on {server}</source>
        <translation>工具 {name}（服务器 {server}）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="55"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="56"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="57"/>
        <source>done in {seconds} s</source>
        <translation>完成，用时 {seconds} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="58"/>
        <source>failed after {seconds} s: {reason}</source>
        <translation>{seconds} 秒后失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="59"/>
        <source>declined: the model was told the user declined</source>
        <translation>已拒绝：已告知模型用户拒绝了此次调用</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="60"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="61"/>
        <source>the result was cut to fit: it had {count} characters</source>
        <translation>结果过长已截断：原有 {count} 个字符</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="62"/>
        <source>the tool reported an error</source>
        <translation>工具报告了错误</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="63"/>
        <source>the tool took longer than the server&apos;s time limit</source>
        <translation>工具运行超出了服务器的时间限制</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="64"/>
        <source>the server stopped during the call</source>
        <translation>服务器在调用过程中停止了</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="65"/>
        <source>the server is not running</source>
        <translation>服务器未在运行</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="66"/>
        <source>no server offers a tool of that name</source>
        <translation>没有服务器提供该名称的工具</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="67"/>
        <source>the arguments do not fit the tool&apos;s input schema</source>
        <translation>参数不符合工具的输入模式</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="68"/>
        <source>the server&apos;s answer could not be read</source>
        <translation>无法读取服务器的回答</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="69"/>
        <source>the turn reached its limit of tool calls</source>
        <translation>本轮已达到工具调用次数上限</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="70"/>
        <source>no result</source>
        <translation>无结果</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="74"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="78"/>
        <source>{place}: {reason}</source>
        <translation>{place}：{reason}</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="82"/>
        <source>the file</source>
        <translation>文件本身</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="84"/>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="85"/>
        <source>“{title}”, message {number}</source>
        <translation>“{title}”第 {number} 条消息</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="90"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/words.py" line="93"/>
        <source>%n broken character(s) (half of a UTF-16 pair) replaced by U+FFFD</source>
        <translation>
            <numerusform>%n 个损坏的字符（UTF-16 代理对的一半）已替换为 U+FFFD</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="95"/>
        <source>it has no messages</source>
        <translation>其中没有消息</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="96"/>
        <source>its sender is neither the person nor the assistant</source>
        <translation>发送者既不是用户也不是助手</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="97"/>
        <source>it has no text</source>
        <translation>其中没有文字</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="99"/>
        <source>attachment “{name}” has no text in the export</source>
        <translation>附件“{name}”在导出文件中没有文字</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="102"/>
        <source>file “{name}”: its contents are not in the export</source>
        <translation>文件“{name}”：导出文件中没有其内容</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="103"/>
        <source>upload</source>
        <translation>上传的文件</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="105"/>
        <source>thinking from Claude.ai has no signature the API accepts</source>
        <translation>来自 Claude.ai 的思考没有 API 认可的签名</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="107"/>
        <source>a {kind} item (ran on Claude.ai)</source>
        <translation>一个 {kind} 项（在 Claude.ai 上运行）</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="110"/>
        <source>a {role} message</source>
        <translation>一条 {role} 消息</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="111"/>
        <source>a message ChatGPT hides</source>
        <translation>一条 ChatGPT 隐藏的消息</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="112"/>
        <source>a call to a ChatGPT tool</source>
        <translation>一次 ChatGPT 工具调用</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="113"/>
        <source>{kind} content</source>
        <translation>{kind} 内容</translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="115"/>
        <source>an attachment ({kind}): not in conversations.json</source>
        <translation>附件（{kind}）：不在 conversations.json 中</translation>
    </message>
</context>
<context>
    <name>TriptychApp</name>
    <message>
        <location filename="../../gui/app.py" line="498"/>
        <source>The language changes when Triptych starts again.</source>
        <translation>语言将在 Triptych 下次启动时更改。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="556"/>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>TurnHtml</name>
    <message numerus="yes">
        <location filename="../../gui/transcript/turn_html.py" line="226"/>
        <source>%n alternative(s) from a comparison</source>
        <translation>
            <numerusform>对比中的 %n 个其他回复</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="246"/>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="248"/>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="268"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="270"/>
        <source>Regenerate ▾</source>
        <translation>重新生成 ▾</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="271"/>
        <source>Branch</source>
        <translation>分支</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="240"/>
        <location filename="../../gui/transcript/turn_html.py" line="273"/>
        <source>Get reply</source>
        <translation>获取回复</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="301"/>
        <source>{count} in</source>
        <translation>输入 {count}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="305"/>
        <source>≈{count} out (estimated)</source>
        <translation>输出约 {count}（估算）</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="307"/>
        <source>{count} out</source>
        <translation>输出 {count}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="310"/>
        <source>cache read {count}</source>
        <translation>缓存读取 {count}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="313"/>
        <source>cache write {count}</source>
        <translation>缓存写入 {count}</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="319"/>
        <source>first token {seconds:.2f} s</source>
        <translation>首个 token {seconds:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="321"/>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="330"/>
        <source>Interrupted — the app closed before the reply ended; the partial reply is kept.</source>
        <translation>已中断 — 回复结束前应用已关闭；已保留部分回复。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="332"/>
        <source>Stopped — partial reply kept.</source>
        <translation>已停止 — 已保留部分回复。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="333"/>
        <source>Receiving…</source>
        <translation>正在接收…</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="426"/>
        <source>Showing the first {shown} of {total} characters.</source>
        <translation>显示了前 {shown} 个字符，共 {total} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="429"/>
        <source>Show all…</source>
        <translation>显示全部…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/turn_html.py" line="439"/>
        <source>Thinking ▸ (%n words)</source>
        <translation>
            <numerusform>思考 ▸（%n 个词）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="446"/>
        <source>Thinking ▾</source>
        <translation>思考 ▾</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="164"/>
        <location filename="../../gui/transcript/turn_html.py" line="465"/>
        <location filename="../../gui/transcript/turn_html.py" line="488"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="164"/>
        <location filename="../../gui/transcript/turn_html.py" line="465"/>
        <location filename="../../gui/transcript/turn_html.py" line="504"/>
        <source>[image: {alt}]</source>
        <translation>[图片：{alt}]</translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="105"/>
        <source>Fill in the prompt</source>
        <translation>填写提示词</translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="114"/>
        <source>Values for the prompt&apos;s variables:</source>
        <translation>提示词中各变量的值：</translation>
    </message>
</context>
<context>
    <name>VariantsEditor</name>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="80"/>
        <source>Variants</source>
        <translation>变体</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="82"/>
        <source>The grid&apos;s columns: each runs every case with its own settings</source>
        <translation>网格的列：每列用自己的设置运行所有用例</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="84"/>
        <source>Add variant</source>
        <translation>添加变体</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="85"/>
        <source>Adds a copy of the selected variant</source>
        <translation>添加所选变体的副本</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="86"/>
        <source>Edit settings…</source>
        <translation>编辑设置…</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="88"/>
        <source>The selected variant&apos;s provider, model and parameters</source>
        <translation>所选变体的服务商、模型和参数</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="90"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="91"/>
        <source>Removes the selected variant</source>
        <translation>移除所选变体</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="92"/>
        <location filename="../../gui/grid/variants_editor.py" line="93"/>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="94"/>
        <source>Ready-made sets of variants</source>
        <translation>现成的变体组合</translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="118"/>
        <source>Variant settings</source>
        <translation>变体设置</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="226"/>
        <source>Blind vote: {letter} is better (or best)</source>
        <translation>盲评投票：{letter} 更好（或最好）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="228"/>
        <source>Blind vote: C is best, or a tie between two</source>
        <translation>盲评投票：C 最好，或两者平局</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="229"/>
        <source>Blind vote: D is best, or both bad</source>
        <translation>盲评投票：D 最好，或两者都不好</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="233"/>
        <source>Blind vote: a tie</source>
        <translation>盲评投票：平局</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="234"/>
        <source>Blind vote: both (or all) bad</source>
        <translation>盲评投票：都不好（或全都不好）</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="235"/>
        <source>Blind vote: all bad</source>
        <translation>盲评投票：全都不好</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="238"/>
        <source>Blind vote: the next ballot</source>
        <translation>盲评投票：下一张选票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="240"/>
        <source>Blind vote: take the last vote back</source>
        <translation>盲评投票：撤回上一票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="243"/>
        <source>More than two:</source>
        <translation>超过两个时：</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="244"/>
        <source>Each pair in turn</source>
        <translation>逐对投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="245"/>
        <source>Best of all</source>
        <translation>从全部中选最好</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="246"/>
        <source>How more than two replies are voted on</source>
        <translation>超过两个回复时如何投票</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="247"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="248"/>
        <source>optional, e.g. coding, writing, Chinese</source>
        <translation>可选，例如：编程、写作、中文</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="249"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="251"/>
        <source>What the prompt tests, comma separated; the leaderboard can show each tag alone</source>
        <translation>此提示词考察的方面，用逗号分隔；排行榜可以按标签分别显示</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="253"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="254"/>
        <source>Takes the last vote back and shows its replies</source>
        <translation>撤回上一票并重新显示其回复</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="255"/>
        <source>Next (Enter)</source>
        <translation>下一个 (Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="256"/>
        <source>Go on by itself</source>
        <translation>自动继续</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="257"/>
        <source>After a vote, show who was who for a moment, then the next pair</source>
        <translation>投票后短暂揭晓各自是谁，然后显示下一对</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="375"/>
        <source>The vote was not saved: {reason}</source>
        <translation>投票未保存：{reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/vote_panel.py" line="419"/>
        <source>Every ballot has a vote: %n vote(s) cast. View → Leaderboard… shows the ratings.</source>
        <translation>
            <numerusform>所有选票都已投出：共 %n 票。评分见“视图 → 排行榜…”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="425"/>
        <source>Nothing to vote on: a ballot needs two finished replies to the same prompt.</source>
        <translation>没有可投票的内容：一张选票需要同一提示词的两个已完成回复。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="434"/>
        <source>Ballot {n} of {total}</source>
        <translation>第 {n} 张选票，共 {total} 张</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="449"/>
        <source>{letter} is better ({key})</source>
        <translation>{letter} 更好 ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="450"/>
        <source>{letter} is best ({key})</source>
        <translation>{letter} 最好 ({key})</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="454"/>
        <source>Tie (3)</source>
        <translation>平局 (3)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="457"/>
        <source>Both bad (4)</source>
        <translation>都不好 (4)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="457"/>
        <source>All bad (0)</source>
        <translation>全都不好 (0)</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="459"/>
        <source>Keys: 1 or A, 2 or B, 3 or T for a tie, 4 or X for both bad; Enter for the next pair, Ctrl+Z to take a vote back.</source>
        <translation>按键：1 或 A、2 或 B，3 或 T 为平局，4 或 X 为都不好；Enter 进入下一对，Ctrl+Z 撤回投票。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="462"/>
        <source>Keys: 1–{n} (or A–{last}) for the best, 0 or X for all bad; Enter for the next, Ctrl+Z to take a vote back.</source>
        <translation>按键：1–{n}（或 A–{last}）选最好的，0 或 X 为全都不好；Enter 进入下一个，Ctrl+Z 撤回投票。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="481"/>
        <source>Reply {name}</source>
        <translation>回复 {name}</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="487"/>
        <source>You chose {letter}: {label}.</source>
        <translation>你选择了 {letter}：{label}。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="491"/>
        <source>A tie.</source>
        <translation>平局。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="493"/>
        <source>Both bad.</source>
        <translation>都不好。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="493"/>
        <source>All bad.</source>
        <translation>全都不好。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="494"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="494"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>WordDiffDialog</name>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="44"/>
        <source>Word differences</source>
        <translation>逐词差异</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="53"/>
        <source>Left column</source>
        <translation>左列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="55"/>
        <source>The reply shown on the left, with removed words marked</source>
        <translation>显示在左侧的回复，删去的词已标出</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="57"/>
        <source>Right column</source>
        <translation>右列</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="59"/>
        <source>The reply shown on the right, with added words highlighted</source>
        <translation>显示在右侧的回复，新增的词已高亮</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="61"/>
        <source>Left reply</source>
        <translation>左侧回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="62"/>
        <source>Words only in this reply are struck through</source>
        <translation>只在此回复中出现的词带删除线</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="63"/>
        <source>Right reply</source>
        <translation>右侧回复</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="64"/>
        <source>Words only in this reply are highlighted</source>
        <translation>只在此回复中出现的词已高亮</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="92"/>
        <source>The two replies are the same.</source>
        <translation>两个回复相同。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="95"/>
        <source>{deleted} passages only on the left, {inserted} only on the right.</source>
        <translation>{deleted} 处仅在左侧，{inserted} 处仅在右侧。</translation>
    </message>
</context>
</TS>
