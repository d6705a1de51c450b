<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="38"/>
        <source>About Triptych</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="41"/>
        <source>unknown (running from sources that were not installed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="43"/>
        <source>A desktop chat client for Claude models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="46"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="47"/>
        <source>Open the data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="48"/>
        <source>Shows the data folder in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="50"/>
        <source>Open log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="51"/>
        <source>Open the log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="52"/>
        <source>Opens the log file in the text editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="56"/>
        <source>Nothing has been logged yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="58"/>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="59"/>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="60"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="61"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="62"/>
        <source>Log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="63"/>
        <source>Reading the installed libraries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="66"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="67"/>
        <source>Libraries and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="69"/>
        <source>Each library Triptych runs on, its installed version and its licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="79"/>
        <source>Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="81"/>
        <source>Copies the version, the folders and the libraries, e.g. for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="98"/>
        <source>The libraries Triptych runs on, as installed here, with the licence each one states:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/about_dialog.py" line="106"/>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddToTestSetDialog</name>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="31"/>
        <source>Add to test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="33"/>
        <source>New test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="37"/>
        <source>From conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/add_to_test_set.py" line="43"/>
        <source>The prompt is added with the %n message(s) before it as its context.</source>
        <translation>
            <numerusform>The prompt is added with the %n message before it as its context.</numerusform>
            <numerusform>The prompt is added with the %n messages before it as its context.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="49"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="61"/>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="50"/>
        <source>The test set the prompt is added to, or a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="51"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="62"/>
        <source>New test set&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="52"/>
        <source>The name of the test set made for this prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="53"/>
        <location filename="../../gui/grid/add_to_test_set.py" line="63"/>
        <source>Case name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="54"/>
        <source>How the case is named in the grid&apos;s rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="86"/>
        <source>Name the new test set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/add_to_test_set.py" line="90"/>
        <source>This test set&apos;s template has {count} variables; a prompt can only be added to a test set whose template is one variable, such as {{{{prompt}}}}. Choose another or a new test set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlternativesDialog</name>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="33"/>
        <source>Alternatives from a comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="37"/>
        <source>The conversation continued with “{chosen}”. Kept for reading: these replies are not sent to the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/alternatives_dialog.py" line="62"/>
        <source>Same settings as the chosen reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalPrompt</name>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="121"/>
        <source>Tool approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="122"/>
        <source>Claude wants to run a tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="123"/>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="124"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="125"/>
        <source>What the tool will be given, as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="126"/>
        <source>Remember:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="128"/>
        <source>Just this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="129"/>
        <source>For this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="130"/>
        <source>Always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="134"/>
        <source>Remember the answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="136"/>
        <source>How long the answer holds; remembered answers are listed in Tools → Permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="138"/>
        <source>Allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="139"/>
        <source>Run the tool (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="140"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="142"/>
        <source>Do not run it; the model is told you declined (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="175"/>
        <source>Tool: {tool}    Server: {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="179"/>
        <source>(asked in another conversation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/approval_prompt.py" line="197"/>
        <source>%n more waiting</source>
        <translation>
            <numerusform>%n more waiting</numerusform>
            <numerusform>%n more waiting</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="202"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="202"/>
        <source>changes things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="204"/>
        <source>destructive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="204"/>
        <source>not destructive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="206"/>
        <source>same result when repeated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="209"/>
        <source>reaches outside (the web, other systems)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="211"/>
        <source>stays within its own data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="214"/>
        <source>The server says nothing about what this tool does to your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="215"/>
        <source>, </source>
        <comment>between the server&apos;s hints about a tool</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="216"/>
        <source>The server says: {hints}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/approval_prompt.py" line="218"/>
        <source>Hints only: you have not marked this server as trusted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchChoice</name>
    <message>
        <location filename="../../gui/grid/batch_choice.py" line="45"/>
        <source>Run as a batch (half price, results within 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/batch_choice.py" line="47"/>
        <source>Sends every request of the run as Message Batches at the batch price</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchWords</name>
    <message numerus="yes">
        <location filename="../../gui/judging/batch_words.py" line="21"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="44"/>
        <source>live {cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="45"/>
        <source>as a batch {cost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="46"/>
        <source>{way} (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="56"/>
        <source>(input estimated here: the provider does not count tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="60"/>
        <source>Not in the total (no known price): {models}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="71"/>
        <source>Batch in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="72"/>
        <source>Batch being cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="73"/>
        <source>Batch ended, collecting the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="74"/>
        <source>Batch collected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="77"/>
        <source>{answered} of {total} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="82"/>
        <source>{n} errored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="84"/>
        <source>{n} cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="86"/>
        <source>{n} expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/batch_words.py" line="89"/>
        <source>expires in {h:.0f} h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BranchActions</name>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="111"/>
        <source>With the current settings ({model})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="116"/>
        <source>With another model (this reply only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="151"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="155"/>
        <source>This reply is still arriving: branch from it once it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="164"/>
        <source>Branch {number}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="188"/>
        <source>Edit and resend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="190"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="192"/>
        <source>Branch into new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="196"/>
        <source>Delete this version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="203"/>
        <source>Delete this version and every message after it? The other versions are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="212"/>
        <source>Delete this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="240"/>
        <source>Not sent: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/branch_actions.py" line="246"/>
        <source>A reply is arriving: wait for it to finish, or stop it (Esc), before editing, regenerating or switching versions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CachingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="253"/>
        <source>Caching and service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="255"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="256"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="257"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="258"/>
        <source>Caches the prompt up to the last cacheable block, for this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="260"/>
        <source>Default (not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="261"/>
        <source>Auto (priority when available)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="262"/>
        <source>Standard only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="264"/>
        <source>An opaque id for the end user (no personal data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="265"/>
        <source>Prompt caching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="266"/>
        <source>Service tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="267"/>
        <source>Metadata user id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <location filename="../../gui/transcript/cards.py" line="61"/>
        <source>Tool call: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="65"/>
        <source>Reply with result…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="76"/>
        <source>Web search results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="77"/>
        <location filename="../../gui/transcript/cards.py" line="167"/>
        <source>{kind} block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="80"/>
        <source>Tool call: {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="80"/>
        <source>Tool call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="86"/>
        <source>Tool error: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="86"/>
        <source>Tool result: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="101"/>
        <source>[image]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="112"/>
        <source>Web search: {query}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="115"/>
        <source>Server tool: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="124"/>
        <source>Web search failed: {code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/cards.py" line="133"/>
        <source>Web search results (%n)</source>
        <translation>
            <numerusform>Web search results (%n)</numerusform>
            <numerusform>Web search results (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="144"/>
        <source>[image: {url}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="150"/>
        <source>untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="151"/>
        <source>Document: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="158"/>
        <source>Part of the thinking was redacted by the API; it is kept for the next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="186"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="194"/>
        <source>Document {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/cards.py" line="206"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CellDialog</name>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="45"/>
        <source>{case} — {variant}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="49"/>
        <source>Every repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="50"/>
        <source>The prompt, then each repeat&apos;s reply in turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="51"/>
        <source>Word diff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="52"/>
        <source>Compares two repeats&apos; replies word by word</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/cell_dialog.py" line="75"/>
        <source>%n repeat(s)</source>
        <translation>
            <numerusform>%n repeat</numerusform>
            <numerusform>%n repeats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/cell_dialog.py" line="77"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="88"/>
        <source>**Repeat {n}**</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="94"/>
        <source>first token {seconds:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="97"/>
        <source>total {seconds:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="99"/>
        <source>{tokens} output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/cell_dialog.py" line="123"/>
        <source>Repeat {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColumnSettingsDialog</name>
    <message>
        <location filename="../../gui/compare/column.py" line="236"/>
        <source>Column settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="252"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="253"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareBlind</name>
    <message>
        <location filename="../../gui/judging/compare_blind.py" line="45"/>
        <source>Blind: the replies appear here as A and B, unnamed, once every column has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/compare_blind.py" line="51"/>
        <source>Hide the columns&apos; names and metrics and vote on the last round&apos;s replies as A and B; who was who shows after the vote</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareColumnWidget</name>
    <message>
        <location filename="../../gui/compare/column.py" line="119"/>
        <source>Edit settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="120"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="121"/>
        <source>Maximise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="122"/>
        <source>Show this column alone; click again to show every column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="123"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="124"/>
        <source>Continue with this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="124"/>
        <source>Chosen ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="125"/>
        <source>✓ The conversation continues with this reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="126"/>
        <source>This column&apos;s provider, model and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="127"/>
        <source>Removes this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="128"/>
        <source>Stops this column&apos;s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="130"/>
        <source>Make this column&apos;s reply the conversation&apos;s next turn, with its settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="153"/>
        <source>Same as the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="272"/>
        <source>same settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="295"/>
        <source>{field} {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="302"/>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="303"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="304"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="305"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="306"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="307"/>
        <source>adaptive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="308"/>
        <source>all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="314"/>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="315"/>
        <source>model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="316"/>
        <source>max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="317"/>
        <source>system prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="318"/>
        <source>temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="319"/>
        <source>top_p</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="320"/>
        <source>top_k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="321"/>
        <source>stop sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="322"/>
        <source>streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="323"/>
        <source>thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="324"/>
        <source>effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="325"/>
        <source>output schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="326"/>
        <source>tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="327"/>
        <source>tool choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="328"/>
        <source>caching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="329"/>
        <source>user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="330"/>
        <source>service tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="331"/>
        <source>inference region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="332"/>
        <source>container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="333"/>
        <source>extra JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/column.py" line="334"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareExport</name>
    <message>
        <location filename="../../gui/compare/export.py" line="22"/>
        <source>Export comparison to a folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareRunsDialog</name>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="38"/>
        <location filename="../../gui/compare/saved_runs.py" line="44"/>
        <source>Saved comparisons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="45"/>
        <source>Enter reopens the comparison as it was</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="54"/>
        <source>This conversation has no saved comparisons yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="70"/>
        <source>{when} · columns: {columns} · rounds: {rounds} · {prompt}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareRunsMenu</name>
    <message>
        <location filename="../../gui/compare/saved_runs.py" line="94"/>
        <source>Saved comparisons…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/compare/view.py" line="201"/>
        <source>Compare settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="203"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="205"/>
        <source>Ctrl+Enter to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="208"/>
        <source>A prompt to send to every column  ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="210"/>
        <source>Send to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="211"/>
        <source>Stop all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="212"/>
        <source>Add a column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="213"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="214"/>
        <source>Scroll together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="215"/>
        <source>Diff…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="216"/>
        <source>Compare two columns&apos; replies word by word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="217"/>
        <source>Export comparison…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="218"/>
        <source>Blind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="221"/>
        <source>Write the comparison as a Markdown and an HTML report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="222"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="223"/>
        <source>Sent to every column by Send to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="224"/>
        <source>Sends the prompt to every column at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="225"/>
        <source>Stops every column&apos;s reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="226"/>
        <source>Adds a column with the conversation&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="228"/>
        <source>Columns for a sweep: temperatures, thinking, models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="230"/>
        <source>Scrolling one column scrolls the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="397"/>
        <source>Nothing was sent: “{name}” has settings the API would refuse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="429"/>
        <source>The conversation continues with “{name}”: its reply is now the conversation&apos;s next turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="433"/>
        <source>Continued with “{name}” from the comparison.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="563"/>
        <source>Could not write the reports: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="566"/>
        <source>Saved {markdown} and {html}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="392"/>
        <source>Not sent: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/view.py" line="423"/>
        <source>Wait for every column to finish, or stop them, first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../gui/chat/composer.py" line="99"/>
        <source>Enter to send, Shift+Enter for a new line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="101"/>
        <source>Ctrl+Enter to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="103"/>
        <source>Message Claude…  ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="117"/>
        <location filename="../../gui/chat/composer.py" line="192"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="106"/>
        <source>Attach files: images (PNG, JPEG, GIF, WebP) up to {image} MB each, PDF up to {pdf} MB, text and code files (UTF-8) up to {text} MB; at most {count} files and {total} MB in one message. You can also paste an image (Ctrl+V) or drop files on the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="64"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="137"/>
        <source>pasted image {number}.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="194"/>
        <source>All files (*);;Images and PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="231"/>
        <source>{name} was not attached: only images (PNG, JPEG, GIF, WebP), PDF files and text files (UTF-8 text such as code, Markdown, CSV or JSON) can be attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="237"/>
        <source>{name} is {size} MB: an image may be at most {limit} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="239"/>
        <source>{name} is {size} MB: a PDF may be at most {limit} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="241"/>
        <source>{name} is {size} MB: a text file may be at most {limit} MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="244"/>
        <source>{name} was not attached: a message can carry at most {limit} files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="249"/>
        <source>{name} was not attached: the files of one message may add up to at most {limit} MB (a request may be 32 MB, and files travel encoded, a third larger).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="253"/>
        <source>{name} was not attached: it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="254"/>
        <source>{name} could not be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="283"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="283"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="285"/>
        <source>Stops the reply; what came is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="285"/>
        <source>Sends the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/composer.py" line="288"/>
        <source>Stop the reply (Esc); what came is kept</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="193"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="194"/>
        <source>New conversation (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="195"/>
        <location filename="../../gui/chat/conversation_list.py" line="199"/>
        <source>Filter conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="197"/>
        <source>Matches titles and tags; tag:work keeps only the conversations tagged “work”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="201"/>
        <source>Shows only the conversations whose title or tags match this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="203"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="205"/>
        <source>Newest first, pinned on top. F2 renames the selected one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="227"/>
        <source>Deleted &quot;{title}&quot;. &lt;a href=&quot;undo&quot;&gt;Undo&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="248"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="250"/>
        <source>Unpin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="250"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="252"/>
        <source>Tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="254"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="258"/>
        <source>Show only #{tag}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <location filename="../../gui/chat/conversation_list.py" line="66"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopEntry</name>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="26"/>
        <source>Could not write {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="30"/>
        <source>Triptych is in the applications menu: {entry}
Its icon: {icons}
The menu starts: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="45"/>
        <source>Could not remove {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="50"/>
        <source>Triptych was not in the applications menu ({folder}): nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/desktop_command.py" line="55"/>
        <source>Removed Triptych from the applications menu:
{files}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="78"/>
        <source>Check provider “{name}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="88"/>
        <source>Model to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="90"/>
        <source>The checks ask this model; the cost shown below is for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="96"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="105"/>
        <source>Earlier checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="98"/>
        <source>Choose an earlier check of this provider to see it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="102"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="291"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="103"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="292"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="294"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="295"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="114"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="296"/>
        <source>What Triptych does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="116"/>
        <source>Check results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="118"/>
        <source>One row per check: its mark, what was found and what Triptych does about it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="128"/>
        <source>Run checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="131"/>
        <source>Sends the small requests whose cost is shown above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="134"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="137"/>
        <source>Stops the checks; an unfinished run is not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="138"/>
        <source>Export as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="141"/>
        <location filename="../../gui/providers/doctor_dialog.py" line="217"/>
        <source>Saves the check shown as a Markdown file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/doctor_dialog.py" line="161"/>
        <source>Runs %n small request(s) to this model; its price is unknown, so no cost can be previewed.</source>
        <translation>
            <numerusform>Runs %n small request to this model; its price is unknown, so no cost can be previewed.</numerusform>
            <numerusform>Runs %n small requests to this model; its price is unknown, so no cost can be previewed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/doctor_dialog.py" line="167"/>
        <source>Runs %n small request(s) to this model: at most {cost} at list prices.</source>
        <translation>
            <numerusform>Runs %n small request to this model: at most {cost} at list prices.</numerusform>
            <numerusform>Runs %n small requests to this model: at most {cost} at list prices.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="177"/>
        <source>Earlier checks could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="203"/>
        <source>Checked {when}: {model} on {host}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="218"/>
        <source>Checking {model}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="232"/>
        <source>Stopped. An unfinished check is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="235"/>
        <source>The check could not finish: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="271"/>
        <source>Changed since {when}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="290"/>
        <source>Provider check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="293"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="304"/>
        <source>Export the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="304"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="315"/>
        <source>The report could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_dialog.py" line="318"/>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorWords</name>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="16"/>
        <source>Model list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="17"/>
        <source>Streamed text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="18"/>
        <source>Non-streamed text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="19"/>
        <source>Event stream structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="20"/>
        <source>Model identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="21"/>
        <source>Thinking signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="22"/>
        <source>Tool use and results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="23"/>
        <source>Token counting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="24"/>
        <source>Usage honesty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="25"/>
        <source>Prompt caching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="26"/>
        <source>Error shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="27"/>
        <source>Request ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="28"/>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="35"/>
        <source>Lists {count} models, {model} among them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="36"/>
        <source>The model picker offers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="39"/>
        <source>Lists {count} models, but not {model}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="40"/>
        <source>The picker still offers the catalog&apos;s models; check the model name with the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="46"/>
        <source>Has no model list (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="47"/>
        <source>The picker offers Triptych&apos;s own catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="50"/>
        <source>The request failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="51"/>
        <source>Nothing; fix the cause and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="54"/>
        <source>Answered: “{text}”.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="58"/>
        <source>Answered without any text (stop reason {stop_reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="61"/>
        <source>Replies may come out empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="64"/>
        <source>{events} events, all in the protocol&apos;s order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="68"/>
        <source>{violations} breaks of the protocol; the first at event {position}: {first}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="71"/>
        <source>Triptych reads what it can and shows the break; replies may come out wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="76"/>
        <source>Not checked: the provider speaks the OpenAI style.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="80"/>
        <source>Answered as {returned}, the model asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="84"/>
        <source>Asked for {requested}, answered as {returned}: the relay serves another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="88"/>
        <source>Triptych shows the model that answered in each reply&apos;s footer; comparisons on this provider measure that model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="95"/>
        <source>Ended with a stop reason the API does not have: {stop_reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="98"/>
        <source>Triptych shows it as it came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="101"/>
        <source>Refused max_tokens {max_tokens}, the model&apos;s own limit: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="104"/>
        <source>Keep max_tokens lower on this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="107"/>
        <source>Thinking came with its signature, and a follow-up sending it back was accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="111"/>
        <source>Thinking works with tools here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="114"/>
        <source>Thinking came without its signature: the API refuses it when it is sent back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="117"/>
        <location filename="../../gui/providers/doctor_words.py" line="132"/>
        <source>The parameter panel warns when thinking and tools are both on for this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="123"/>
        <source>Thinking was asked for but none came back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="124"/>
        <source>The parameter panel warns that thinking is dropped on this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="129"/>
        <source>The follow-up sending thinking back with a tool result was refused: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="138"/>
        <source>Not checked: {model} does not think.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="142"/>
        <source>Called {tool}, then answered from its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="143"/>
        <source>Tools work here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="146"/>
        <source>A tool call was required, but none came (stop reason {stop_reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="149"/>
        <source>The parameter panel warns that tools may be ignored on this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="154"/>
        <source>The tool was called, but the answer to its result failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="157"/>
        <source>The parameter panel warns that tools may break on this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="162"/>
        <source>Counted {tokens} tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="163"/>
        <source>The composer shows counts from the provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="166"/>
        <source>Has no count_tokens (HTTP {status}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="167"/>
        <source>Triptych shows its own estimate, marked as one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="170"/>
        <source>Reported {reported} input tokens; count_tokens says {counted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="176"/>
        <source>Reported {reported} input tokens for a body count_tokens puts at {counted}: {extra} tokens more, as a hidden prompt would add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="181"/>
        <source>Costs shown for this provider follow its reports; treat them, and its answers, with care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="187"/>
        <source>Reported {reported} input tokens, fewer than the {counted} count_tokens gives.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="191"/>
        <source>Costs shown for this provider may be low.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="194"/>
        <source>Not checked: an earlier step gave nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="200"/>
        <source>Wrote {written} tokens to the cache, then read {read}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="203"/>
        <source>Cache savings are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="206"/>
        <source>Answers carry no cache fields at all: the provider drops them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="209"/>
        <source>Costs cannot show what caching saved; the panel warns that caching is not reported here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="215"/>
        <source>A prefix marked for caching was not written to the cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="218"/>
        <location filename="../../gui/providers/doctor_words.py" line="224"/>
        <source>The panel warns that caching does not work here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="221"/>
        <source>Wrote {written} tokens to the cache, but the same prefix again read none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="227"/>
        <source>Refused an invalid request with {status} {type}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="228"/>
        <source>Errors are worded by their type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="231"/>
        <source>Refused an invalid request with {status}, not in the API&apos;s error shape: {body}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="235"/>
        <source>Errors from this provider are shown as they came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="238"/>
        <source>Accepted a request the API refuses (no messages), with {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="241"/>
        <source>Mistakes in settings may go unnoticed on this provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="246"/>
        <source>Answers carry a request-id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="247"/>
        <source>Errors show it, for support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="250"/>
        <source>No request-id, only the relay&apos;s own id ({headers}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="251"/>
        <source>Errors show the relay&apos;s id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="254"/>
        <source>Answers carry no request id of any kind.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="255"/>
        <source>Errors cannot name the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="258"/>
        <location filename="../../gui/providers/doctor_words.py" line="262"/>
        <source>The first text came after {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/doctor_words.py" line="263"/>
        <source>Replies will feel slow here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditMessageDialog</name>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="17"/>
        <source>Edit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="21"/>
        <source>Sending makes this a new version of the message and asks for a new reply. The current version and everything after it are kept: switch between versions with ‹ ›.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="30"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="31"/>
        <source>The new version&apos;s text; Ctrl+Enter sends it</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/edit_message_dialog.py" line="33"/>
        <source>Its %n attachment(s) are sent again with it.</source>
        <translation>
            <numerusform>Its %n attachment is sent again with it.</numerusform>
            <numerusform>Its %n attachments are sent again with it.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="39"/>
        <source>Send as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/edit_message_dialog.py" line="40"/>
        <source>Ctrl+Enter</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="156"/>
        <source>Start a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="159"/>
        <source>Write a message below and press Enter. Or start with an example: each one shows something Triptych does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="165"/>
        <source>Thinking, tools and every other setting are in the parameter panel on the right (Ctrl+Shift+P); Compare settings is in the View menu (Ctrl+Shift+C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="171"/>
        <source>A table and code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="172"/>
        <source>Markdown tables and highlighted code, streamed as they arrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="173"/>
        <source>Make a table of sorting algorithms with their speed, and show quicksort in Python.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="176"/>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="178"/>
        <source>Turns thinking on for this conversation and asks a riddle: the thinking comes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="180"/>
        <source>A kilogram of feathers or a kilogram of iron: which is heavier?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="183"/>
        <source>A tool call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="185"/>
        <source>Offers a get_time tool and asks the time; answer the call with “Reply with result…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="187"/>
        <source>What time is it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="190"/>
        <source>A comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="191"/>
        <source>Opens Compare settings: one prompt at three temperatures, side by side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/empty_state.py" line="192"/>
        <source>What does temperature do to a reply?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../gui/error_messages.py" line="18"/>
        <source>There is no API key for this provider. Add it in Providers, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="22"/>
        <source>The saved API key cannot be sent (a character in it is not allowed). Paste it again in Providers, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="28"/>
        <source>The proxy cannot be used: use an http://, https://, socks5:// or socks5h:// proxy URL in Providers (or in the environment), then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="34"/>
        <source>A setting of this provider cannot be sent. Correct it in Providers, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="38"/>
        <source>This conversation&apos;s provider no longer exists. Choose another provider, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="45"/>
        <source>The provider rejected the API key (401). Check the key in Providers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="49"/>
        <source>The key is not allowed to do this (403).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="51"/>
        <source>Nothing answers at this address (404). Check the provider&apos;s base URL and the model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="57"/>
        <source>Too many requests (429). The provider asks to wait {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="60"/>
        <source>Too many requests (429). Wait a little, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="66"/>
        <source>The model is overloaded right now (529). Retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="71"/>
        <source>The model is overloaded right now: the provider answered {status}, and its message names overloaded_error. Retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="77"/>
        <source>The provider had an internal error ({status}). Retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="81"/>
        <source>The request is too large (413). Remove attachments or start a new conversation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="85"/>
        <source>The provider refused the request (400).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="87"/>
        <source>The provider reports a billing problem (402).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="89"/>
        <source>Could not connect through the proxy; the provider was not reached. Check the proxy in Providers (or HTTP_PROXY, HTTPS_PROXY, ALL_PROXY), then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="95"/>
        <source>The provider did not start the reply in time: it sent no answer, only keep-alive pings, or data too slowly. Retry, or check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="101"/>
        <source>The reply stopped making progress: for too long nothing came but keep-alive pings. What arrived is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="107"/>
        <source>The provider&apos;s answer was far larger than any real reply, so Triptych stopped reading it. Check the base URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="113"/>
        <source>The provider stopped answering in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="115"/>
        <source>The connection failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="117"/>
        <source>The provider redirected to another host; Triptych did not follow, to keep your key safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="122"/>
        <source>The provider&apos;s reply broke the protocol.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="124"/>
        <source>The batch reached its 24-hour limit before this request was processed. Retry it (live or in a new batch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="130"/>
        <source>The batch was cancelled before this request was processed. Retry it if you need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="135"/>
        <source>The batch ended without a result for this request. Retry it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="139"/>
        <source>This request is larger than a whole Message Batch may hold, so it cannot go as a batch. Shorten it, or run it live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="145"/>
        <source>The reply could not be saved: the disk may be full. Free some space, then retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="149"/>
        <source>The request failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="155"/>
        <source>The model became overloaded in the middle of the reply (an overloaded_error event; the reply had begun normally). What arrived is kept; retry in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="160"/>
        <source>The provider reported an error in the middle of the reply ({type}). What arrived is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="174"/>
        <source>The relay refused the request (401): “{words}” — check the key in Providers; if it is right, the relay&apos;s own key for the service behind it may be the one refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="179"/>
        <source>The relay refused the request ({status}): “{words}” — some relays answer a wrong key this way: check the key in Providers; if it is right, the relay is refusing for its own reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="193"/>
        <source>Details: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="197"/>
        <source>Request id: {request_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="209"/>
        <source>Could not connect to {host}: no answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="212"/>
        <source>{host} stopped sending data: no data arrived in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="215"/>
        <source>The request to {host} timed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="216"/>
        <source>The proxy refused the connection to {host}: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="219"/>
        <source>Could not find the host {host}: check the base URL and your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="222"/>
        <source>A secure connection to {host} could not be made (TLS): {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="225"/>
        <source>Could not connect to {host}: the connection was refused. Is the server running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="228"/>
        <source>The connection to {host} was cut before the reply was complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="231"/>
        <source>Could not reach {host}: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="232"/>
        <source>The proxy at {proxy} would not connect to {host}: {cause}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="235"/>
        <source>Could not connect to the proxy at {proxy}: no answer in time. {host} was not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="239"/>
        <source>Could not find the proxy&apos;s host ({proxy}). {host} was not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="242"/>
        <source>Could not connect to the proxy at {proxy}: the connection was refused. {host} was not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="246"/>
        <source>Could not connect to the proxy at {proxy}: {cause}. {host} was not reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="249"/>
        <source>The stream stalled: no data arrived in time after {count} bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/error_messages.py" line="252"/>
        <source>The connection was cut after {count} bytes, before the reply was complete.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtraJsonSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="321"/>
        <source>Extra JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="323"/>
        <source>Merged into the request body last, e.g. {&quot;metadata&quot;: {…}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="325"/>
        <source>Extra fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="338"/>
        <source>Extra JSON: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldHelp</name>
    <message>
        <location filename="../../gui/params/field_help.py" line="16"/>
        <source>Instructions sent to the model before the conversation, as the system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="19"/>
        <source>The most tokens the reply may have; it stops there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="22"/>
        <source>Randomness of the reply: lower is more focused, higher more varied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="25"/>
        <source>Nucleus sampling: only the most likely tokens up to this total probability are used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="29"/>
        <source>Only this many of the most likely tokens are considered at each step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="32"/>
        <source>The reply stops when it writes any of these, one per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="35"/>
        <source>Whether the model thinks before it answers: off, with a budget, or adaptive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="38"/>
        <source>The most tokens the model may spend thinking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="41"/>
        <source>Whether the thinking comes back in full, summarized or omitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="44"/>
        <source>How much effort the model puts in: more is slower and costs more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="47"/>
        <source>Tool definitions as JSON: the tools the model may call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="50"/>
        <source>Whether the model may, must, or must not call a tool, or which one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="53"/>
        <source>The tool the model must call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="54"/>
        <source>Lets the model search the web (run by Anthropic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="57"/>
        <source>The search uses only these domains, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="60"/>
        <source>The search never uses these domains, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="63"/>
        <source>The most searches in one reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="64"/>
        <source>Where the user is, so search results can be local.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="67"/>
        <source>Lets the model fetch web pages (run by Anthropic).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="70"/>
        <source>The reply cites the pages it fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="73"/>
        <source>The most tokens of a fetched page given to the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="76"/>
        <source>Caches the prompt so a next request with the same start costs less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="79"/>
        <source>Which capacity the request may use: priority when available, or standard only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="82"/>
        <source>An id for the end user, sent as metadata.user_id; no personal data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="85"/>
        <source>A JSON schema the reply must follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/field_help.py" line="88"/>
        <source>JSON merged into the request body last, for fields the panel does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FullTextDialog</name>
    <message>
        <location filename="../../gui/transcript/full_text.py" line="20"/>
        <location filename="../../gui/transcript/full_text.py" line="23"/>
        <source>Whole text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/full_text.py" line="24"/>
        <source>The message&apos;s whole text and thinking, read-only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridCharts</name>
    <message>
        <location filename="../../gui/grid/charts.py" line="117"/>
        <source>Metric shown in the box plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="121"/>
        <source>Box plot of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="132"/>
        <source>Charts of the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="227"/>
        <source>No repeat has finished yet: the charts fill in as the cells do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="255"/>
        <source>{metric}: each repeat a point, the box its middle half</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="336"/>
        <source>Cost per column (every repeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="357"/>
        <source>Tokens per column (every repeat): {input} input, {output} output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="362"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="400"/>
        <source>Quality against cost: a point per column, the Pareto front ringed and joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="403"/>
        <source>Mean cost per reply (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="404"/>
        <source>Mean judge score (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="509"/>
        <source>Cost per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="510"/>
        <source>Tokens per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/charts.py" line="512"/>
        <source>Quality against cost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridFeature</name>
    <message>
        <location filename="../../gui/grid/feature.py" line="62"/>
        <source>Evaluation grid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="63"/>
        <source>Run a set of prompts against several settings, with repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="129"/>
        <source>Add to test set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/feature.py" line="154"/>
        <source>Added to the test set “{name}” (version {version}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridFiles</name>
    <message>
        <location filename="../../gui/grid/files.py" line="20"/>
        <source>Import test cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="21"/>
        <source>CSV or JSONL files (*.csv *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="32"/>
        <source>Export the grid run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="34"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="35"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="36"/>
        <source>HTML files (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="37"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/files.py" line="38"/>
        <source>SVG images (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridJudge</name>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="86"/>
        <source>Judge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="88"/>
        <source>Has an LLM judge score the run&apos;s replies, or compare columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="90"/>
        <source>Judge templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="91"/>
        <source>Edits the rubrics and prompts the judge uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="193"/>
        <source>Run the grid first: there is nothing to judge yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="259"/>
        <source>Judging was cancelled; the judgements made are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="264"/>
        <source>Judging stopped: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="298"/>
        <source>Following the batch {batch} stopped: {reason} It is tried again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="306"/>
        <source>Judged: {scored} of {total} replies scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/judge_link.py" line="311"/>
        <source>Judged {pairs} pairs; the judge disagreed with itself on {disagreed}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridMetrics</name>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="17"/>
        <source>Time to first token (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="18"/>
        <source>Total time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="19"/>
        <source>Output tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="20"/>
        <source>Output length (tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="21"/>
        <source>Cost (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="22"/>
        <source>Judge&apos;s quality (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="35"/>
        <source>{value} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/metric_names.py" line="37"/>
        <source>{value} tok/s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridNames</name>
    <message>
        <location filename="../../gui/grid/names.py" line="29"/>
        <source>{name} #{n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridReport</name>
    <message>
        <location filename="../../gui/grid/export.py" line="38"/>
        <source>Evaluation grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="39"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="40"/>
        <source>Statistics per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="41"/>
        <source>Medians per test case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="42"/>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="43"/>
        <source>Test case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="44"/>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="45"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="46"/>
        <source>Repeat {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="47"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="48"/>
        <source>Not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="49"/>
        <source>median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="50"/>
        <source>p90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="51"/>
        <source>min–max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="52"/>
        <source>IQR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="53"/>
        <source>repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="54"/>
        <source>within noise of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/export.py" line="55"/>
        <source>distinct outputs per case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridStatsView</name>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="141"/>
        <source>Reference column for the noise marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="144"/>
        <source>Each other column&apos;s metric is marked “within noise” when a bootstrap interval of its difference of medians from this column contains zero: the repeats cannot tell them apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="151"/>
        <source>Compare columns with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="157"/>
        <source>Noise marks appear when the run has ended: a verdict read while results still arrive misleads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="166"/>
        <source>Statistics per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="167"/>
        <source>Statistics per test case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="171"/>
        <source>Per column (every test case and repeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="173"/>
        <source>Per test case (every column and repeat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="240"/>
        <source>Distinct outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="240"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="254"/>
        <source>{name} (reference)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="284"/>
        <source>Case {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="300"/>
        <source>No finished repeat has measured this yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="305"/>
        <source>median {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="306"/>
        <source>p90 {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="307"/>
        <source>range {low} – {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="310"/>
        <source>IQR {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="312"/>
        <source>Over {n} finished repeats; quartiles {q1} and {q3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="326"/>
        <source>Too few finished repeats on one side to tell a difference from noise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="328"/>
        <source>≈ within noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="328"/>
        <source>≠ beyond noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="331"/>
        <source>Median {difference} against {reference}; {confidence}% bootstrap interval {low} to {high}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="346"/>
        <source>{distinct} of {repeats}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="348"/>
        <source>Different replies among a cell&apos;s repeats (spacing ignored), averaged over the cells: 1 means the same answer every time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="354"/>
        <source>{done} of {total} finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/stats_view.py" line="356"/>
        <source>{failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridTableModel</name>
    <message>
        <location filename="../../gui/grid/table_model.py" line="182"/>
        <source>Double-click (or Enter) to see every repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="226"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="228"/>
        <location filename="../../gui/grid/table_model.py" line="248"/>
        <source>{done}/{repeats}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="230"/>
        <source>quality {score:.1f}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="232"/>
        <source>{n} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="234"/>
        <source>running…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="237"/>
        <source>{seconds:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/table_model.py" line="240"/>
        <source>{tokens} tok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridVoteWindow</name>
    <message>
        <location filename="../../gui/judging/grid_blind.py" line="78"/>
        <source>Blind vote — {run}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridWindow</name>
    <message>
        <location filename="../../gui/grid/window.py" line="362"/>
        <source>Evaluation grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="363"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="364"/>
        <source>CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="365"/>
        <source>JSON Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="366"/>
        <source>HTML report with charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="367"/>
        <source>Charts as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="368"/>
        <source>Charts as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="369"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="370"/>
        <source>&amp;Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="372"/>
        <source>Test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="373"/>
        <source>Variants (the grid&apos;s columns)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="374"/>
        <source>Saved test sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="375"/>
        <source>Opens a saved test set in the editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="376"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="377"/>
        <source>Starts an empty test set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="378"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="380"/>
        <source>Saves the test set; an edit of a saved one is kept as its next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="382"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="383"/>
        <source>Deletes the test set shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="387"/>
        <source>Repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="391"/>
        <source>Concurrency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="384"/>
        <location filename="../../gui/grid/window.py" line="393"/>
        <source>Ask before runs over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="389"/>
        <source>How often each case is sent to each variant (1 to 20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="392"/>
        <source>The most requests in flight at once per provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="395"/>
        <source>A run estimated to cost more than this asks before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="397"/>
        <source>Estimate cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="399"/>
        <source>Counts the prompts&apos; tokens and prices the run before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="401"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="402"/>
        <source>Saves the test set and starts a run of the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="403"/>
        <location filename="../../gui/grid/window.py" line="404"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="405"/>
        <source>Shows an earlier run of the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="406"/>
        <source>Vote blind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="408"/>
        <source>Vote on the run&apos;s replies two at a time without knowing which variant wrote which</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="412"/>
        <location filename="../../gui/grid/window.py" line="416"/>
        <source>Grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="414"/>
        <source>A row per case, a column per variant; Enter opens a cell&apos;s repeats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="417"/>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="418"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="451"/>
        <source>{name} (version {version})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="562"/>
        <source>The column “{variant}” has no provider: choose one in its settings (Edit settings…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="820"/>
        <source>{name} ({state}, {done} of {total} done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="498"/>
        <source>Saved “{name}”, version {version}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/window.py" line="529"/>
        <source>Imported %n case(s) from {file}.</source>
        <translation>
            <numerusform>Imported %n case from {file}.</numerusform>
            <numerusform>Imported %n cases from {file}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="531"/>
        <source>The file was read as GBK (Chinese) text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="540"/>
        <source>{test_set} at {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="555"/>
        <source>The grid has no columns: add a variant (or choose a preset) to run the cases against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="578"/>
        <source>Estimating the cost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="627"/>
        <source>The run was not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="657"/>
        <source>no value for {{{{{variable}}}}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="659"/>
        <source>Nothing was sent: row {row} (&quot;{case}&quot;) in the column “{variant}”: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="673"/>
        <source>Start the run?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="674"/>
        <source>This run is estimated to cost more than ${limit:.2f}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="707"/>
        <source>The batch was refused: {reason} The run is kept; Resume runs it live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="769"/>
        <source>Following the batch {batch} stopped: {reason} It is tried again at the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/window.py" line="777"/>
        <source>%n result(s) in the batch&apos;s file answered requests it never sent; they were ignored.</source>
        <translation>
            <numerusform>%n result in the batch&apos;s file answered requests it never sent; they were ignored.</numerusform>
            <numerusform>%n results in the batch&apos;s file answered requests it never sent; they were ignored.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="899"/>
        <source>The metric the box plot shows per column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="905"/>
        <source>A row per variant: median, p90 and spread of each metric over every case and repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="909"/>
        <source>A row per test case: median, p90 and spread of each metric over every variant and repeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="941"/>
        <source>Run the grid first: there is nothing to vote on yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="963"/>
        <location filename="../../gui/grid/window.py" line="977"/>
        <source>Run the grid first: there is nothing to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="971"/>
        <location filename="../../gui/grid/window.py" line="992"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/window.py" line="987"/>
        <source>Could not save the charts to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GridWords</name>
    <message numerus="yes">
        <location filename="../../gui/grid/words.py" line="20"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="34"/>
        <source>(input estimated here: the provider does not count tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="36"/>
        <source>(input counted by the provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="42"/>
        <source>no known price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="48"/>
        <source>Not in the total (no known price): {models}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="61"/>
        <source>{file}: only .csv and .jsonl files can be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="64"/>
        <source>{file} is {found}; files of test cases may be up to {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="67"/>
        <source>{file} could not be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="70"/>
        <source>{file} is neither UTF-8 nor GBK text. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="75"/>
        <source>{file}, row {row}: the CSV cannot be read ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="78"/>
        <source>{file}, line {row}: not JSON ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="81"/>
        <source>{file}, line {row}: each line must be a JSON object with a key per variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="84"/>
        <source>{file} has no header row: its first row must name the columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="87"/>
        <source>{file}: column {column} of the header has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="90"/>
        <source>{file}: the header names the column “{column}” twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="93"/>
        <source>{file}, row {row}: {found} cells where the header has {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="96"/>
        <source>{file}, row {row}, column “{column}”: the cell is {found}; a cell may be up to {limit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="100"/>
        <source>{file} has no test cases in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="101"/>
        <source>{file} has no column “{column}”, which the template names as {{{{{column}}}}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="104"/>
        <source>The template names {{{{{column}}}}}, but no row of {file} gives it a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="107"/>
        <source>{file}, line {row}: no value for {{{{{column}}}}}, which the template names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="110"/>
        <source>{file}, row {row}: a different system prompt from the rows before; a test set has one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="114"/>
        <source>{file}, row {row}: the context is not a list of user and assistant messages ({detail}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="119"/>
        <source>{file} could not be imported: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="131"/>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="137"/>
        <source>{n:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="139"/>
        <source>{n:.0f} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/words.py" line="140"/>
        <source>{n} bytes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../gui/help/menu.py" line="38"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/menu.py" line="39"/>
        <source>Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/menu.py" line="42"/>
        <source>About Triptych…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="26"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="27"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="30"/>
        <source>Stops the import; nothing of the file is added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="45"/>
        <source>Cancelling the import of {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="47"/>
        <source>Adding conversations from {name}: {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="51"/>
        <source>Reading {name}: {done} of {total} conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/import_progress.py" line="54"/>
        <source>Reading {name}…</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>ImportServersDialog</name>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="46"/>
        <source>Read as mcpServers (Claude desktop, Claude Code, Cursor…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="49"/>
        <source>Read as VS Code&apos;s servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="50"/>
        <source>Read as a list of servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="60"/>
        <source>This is not JSON: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="61"/>
        <source>No servers found: expected mcpServers, servers, or entries with a command or a url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="65"/>
        <source>{server}: not imported, its entry is not an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="68"/>
        <source>{server}: not imported, it has neither a command nor a url.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="71"/>
        <source>{server}: not imported, its field {detail} has the wrong type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="74"/>
        <source>{server}: not imported, its type {detail} is unknown (stdio, http or sse).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="78"/>
        <source>A server without a name was not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="81"/>
        <source>{server}: {detail} is asked for by the other app; enter its value here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="113"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="118"/>
        <source>Open Claude desktop&apos;s claude_desktop_config.json or VS Code&apos;s mcp.json, or paste JSON below (the whole file, its mcpServers, or one &quot;name&quot;: {…} entry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="124"/>
        <source>Open file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="125"/>
        <source>Reads a configuration file into the box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="133"/>
        <source>Configuration JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="134"/>
        <source>The JSON to import servers from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="139"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="142"/>
        <source>Servers to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="143"/>
        <source>The servers that will be added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="148"/>
        <location filename="../../gui/tools/import_dialog.py" line="225"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="149"/>
        <source>Adds the servers listed to the MCP servers dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="181"/>
        <source>{name} is too large for a configuration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="186"/>
        <source>{name} could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="189"/>
        <source>{name} is not a text file (UTF-8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/import_dialog.py" line="220"/>
        <source>Values of {names} will be kept in the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/import_dialog.py" line="225"/>
        <source>Add %n server(s)</source>
        <translation>
            <numerusform>Add %n server</numerusform>
            <numerusform>Add %n servers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueWords</name>
    <message>
        <location filename="../../gui/widgets/issue_words.py" line="16"/>
        <source>Choose a model, or type a model id (for example claude-sonnet-4-6).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonEdit</name>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="83"/>
        <source>Line {line}, column {column}: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="97"/>
        <source>This must be a JSON list, like [ {…}, {…} ].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/widgets/json_edit.py" line="99"/>
        <source>This must be a JSON object, like { &quot;key&quot;: … }.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgeDialog</name>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="101"/>
        <source>Judge “{run}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="104"/>
        <source>Judge template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="105"/>
        <source>Templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="106"/>
        <source>Edits, adds and deletes judge templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="125"/>
        <source>Sends every judge request as Message Batches at the batch price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="159"/>
        <source>Judge&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="160"/>
        <source>Judge&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="110"/>
        <source>Columns to compare (each pair asked twice, positions swapped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="113"/>
        <source>Column pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="114"/>
        <source>Check the pairs of columns the judge compares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="117"/>
        <source>“{first}” vs “{second}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="123"/>
        <source>Run as a batch (half price, results within 24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="131"/>
        <source>Cost of the judge pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="137"/>
        <source>Judging progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="144"/>
        <source>Judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="146"/>
        <source>Starts the judge pass at the cost shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="147"/>
        <source>Cancel judging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="149"/>
        <source>Stops the judge pass; judgements already made are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="152"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="158"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="269"/>
        <source>There is no judge template: add one with Templates….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="271"/>
        <source>Choose the judge&apos;s model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="274"/>
        <source>A pairwise judge compares two columns; this run has one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="275"/>
        <source>Check at least one pair of columns to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="277"/>
        <source>The run has no replies yet: there is nothing to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="301"/>
        <source>The cost cannot be estimated here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="305"/>
        <source>Estimating the cost…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_dialog.py" line="372"/>
        <source>{done} of {total} judged · ${cost:.4f} so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgeFields</name>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="19"/>
        <source>The provider of each reply&apos;s column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="23"/>
        <source>Judge&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_fields.py" line="32"/>
        <source>Judge&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgeTemplatesDialog</name>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="67"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="70"/>
        <source>Judge templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="72"/>
        <source>The saved ways of judging; the chosen one is edited beside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="74"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="75"/>
        <source>Starts a new rubric template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="76"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="77"/>
        <source>Deletes the chosen template (built-ins stay)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="80"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="131"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="84"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="132"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="86"/>
        <source>Rubric: each reply scored 1–5 on each criterion; pairwise: two replies compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="89"/>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="89"/>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="92"/>
        <source>Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="93"/>
        <source>Each criterion the judge scores from 1 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="94"/>
        <source>Add criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="95"/>
        <source>Remove criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="97"/>
        <source>Judge prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="98"/>
        <source>What the judge is sent, with placeholders filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="133"/>
        <source>Judge&apos;s provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="134"/>
        <source>Judge&apos;s model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="105"/>
        <source>Any model can judge; type one not listed, or leave it empty to choose when judging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="110"/>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="135"/>
        <source>Judge&apos;s max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="115"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="117"/>
        <source>Saves the template; a built-in one edited is saved as a template of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="140"/>
        <source>Criteria (each scored 1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="146"/>
        <source>Prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="228"/>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="301"/>
        <source>Name the template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="303"/>
        <source>The prompt is empty: the judge would be sent nothing to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="307"/>
        <source>The prompt never shows the judge the reply: add {placeholders}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="312"/>
        <source>A rubric needs at least one criterion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="315"/>
        <source>Every criterion needs a name (row {row}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_templates_dialog.py" line="318"/>
        <source>Two criteria are named “{name}”: scores are kept by name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgeWords</name>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="12"/>
        <source>rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="13"/>
        <source>pairwise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="19"/>
        <source>scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="20"/>
        <source>unscored: the judge&apos;s reply did not follow the format, even when asked again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="23"/>
        <source>refused: the judge declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="24"/>
        <source>failed: the request did not go through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="32"/>
        <source>no verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="34"/>
        <source>a tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="36"/>
        <source>“{name}” better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="41"/>
        <source>Placeholders: {{prompt}} the test case&apos;s prompt, {{expected}} its expected notes, {{reply}} the reply judged, {{criteria}} the criteria with the 1–5 scale. The judge is asked to answer in a fixed format; a reply that does not follow it is asked again once, then kept unscored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="47"/>
        <source>Placeholders: {{prompt}} the test case&apos;s prompt, {{expected}} its expected notes, {{reply_a}} and {{reply_b}} the two replies. Each pair is asked twice with the replies swapped; a verdict counts only when both orders agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="58"/>
        <source>No pair has both a blind vote of yours and a judge&apos;s verdict yet: no agreement to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="63"/>
        <source>Cohen&apos;s κ {kappa:.2f}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="65"/>
        <source>Cohen&apos;s κ undefined (one answer throughout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judge_words.py" line="67"/>
        <source>The judge agreed with your blind votes on {agreed} of {pairs} pairs ({percent:.0f}%, {kappa}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JudgementsPanel</name>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="39"/>
        <source>Judgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="40"/>
        <source>The judge&apos;s scores and reasons for this cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="56"/>
        <source>Repeat {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="59"/>
        <source>quality {overall:.1f}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="71"/>
        <source>Repeat {n}: “{first}” vs “{second}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="78"/>
        <source>the judge disagreed with itself: {shown} as shown, {swapped} with the replies swapped; no verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="85"/>
        <source>{verdict} (in both orders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/judgements_panel.py" line="97"/>
        <source>The judge replied:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JumpToLatest</name>
    <message>
        <location filename="../../gui/transcript/jump_to_latest.py" line="28"/>
        <source>Jump to latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/jump_to_latest.py" line="30"/>
        <source>New text arrived below: go to the end and follow the reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyValueTable</name>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="85"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="87"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="47"/>
        <location filename="../../gui/tools/key_values.py" line="89"/>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="57"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="58"/>
        <source>Adds a row to fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="59"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="60"/>
        <source>Removes the selected row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="90"/>
        <source>Kept in the system keyring, not in Triptych&apos;s database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/key_values.py" line="106"/>
        <source>Kept in the keyring; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringProblem</name>
    <message>
        <location filename="../../gui/providers/controller.py" line="107"/>
        <source>No keyring service is running (Secret Service not found).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="110"/>
        <source>The keyring is switched off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="111"/>
        <source>The keyring backend stores keys in a file, which Triptych does not use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="114"/>
        <source>The keyring is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/controller.py" line="115"/>
        <source>The keyring service did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderboardChart</name>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="34"/>
        <source>Ratings chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="36"/>
        <source>Each variant&apos;s rating as a point, its interval as a bar; the best at the top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_chart.py" line="80"/>
        <source>Rating (log strength, 0 = average)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderboardMenu</name>
    <message>
        <location filename="../../gui/judging/leaderboard_menu.py" line="28"/>
        <source>Leaderboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_menu.py" line="29"/>
        <source>Your own ratings of settings variants, from your blind votes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeaderboardWindow</name>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="58"/>
        <source>Export votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="60"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="62"/>
        <source>JSON Lines files (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="136"/>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="137"/>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="138"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="139"/>
        <source>Ratings from every vote, or only the votes with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Rating (95% interval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="141"/>
        <source>Votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="142"/>
        <source>Wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="142"/>
        <source>Losses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="144"/>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="146"/>
        <source>A row per variant, the best first: its rating, interval and the votes behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="148"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="149"/>
        <source>Export votes as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="150"/>
        <source>Export votes as JSON Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="152"/>
        <location filename="../../gui/judging/leaderboard_window.py" line="178"/>
        <source>All votes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="186"/>
        <source>Computing the ratings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="203"/>
        <source>{rating} ({low} to {high})</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="226"/>
        <source>%n vote(s)</source>
        <translation>
            <numerusform>%n vote</numerusform>
            <numerusform>%n votes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="228"/>
        <source>%n comparison(s)</source>
        <translation>
            <numerusform>%n comparison</numerusform>
            <numerusform>%n comparisons</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="231"/>
        <source>%n called all bad</source>
        <translation>
            <numerusform>%n called all bad</numerusform>
            <numerusform>%n called all bad</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="234"/>
        <source>No votes yet: vote blind in a comparison or on a grid run, and the ratings show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="239"/>
        <source>Not rated (their votes do not connect them to the others): {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/leaderboard_window.py" line="273"/>
        <source>Could not save the votes to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/leaderboard_window.py" line="278"/>
        <source>Saved %n vote(s) to {path}</source>
        <translation>
            <numerusform>Saved %n vote to {path}</numerusform>
            <numerusform>Saved %n votes to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="284"/>
        <source>Triptych</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="285"/>
        <source>Providers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="287"/>
        <source>Add or edit where requests go and their keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="294"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="295"/>
        <source>Show parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296"/>
        <source>Compare settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297"/>
        <source>Stop the reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="289"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="290"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="378"/>
        <source>Your draft is kept: send or clear it, then choose the example again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="387"/>
        <source>This model does not think: choose another model, then send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="390"/>
        <source>Thinking is now on for this conversation: see Thinking in the parameter panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="394"/>
        <source>A get_time tool is now offered in this conversation (Tools, in the parameter panel): when a reply calls it, answer with “Reply with result…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="465"/>
        <source>This conversation could not be opened: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="631"/>
        <source>Not sent: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>McpServersSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="188"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="191"/>
        <source>All enabled servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="192"/>
        <source>Offers the tools of every enabled MCP server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="193"/>
        <source>Only these:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="194"/>
        <source>Offers only the tools of the servers ticked below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="199"/>
        <source>MCP servers offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="201"/>
        <source>Tick the servers whose tools this conversation offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="204"/>
        <source>No MCP servers yet: Tools → MCP servers… adds one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="251"/>
        <source>{name} (not configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="253"/>
        <source>{name} (disabled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageCopy</name>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="37"/>
        <source>Copy message as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="38"/>
        <source>The whole message&apos;s text, with its Markdown marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="42"/>
        <source>Copy message as plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/message_copy.py" line="43"/>
        <source>The whole message&apos;s text, without Markdown marks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MetricTable</name>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="93"/>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="96"/>
        <source>Each column&apos;s times, tokens, cost and stop reason, a metric per row; the best is starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="138"/>
        <source>Best of the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="147"/>
        <source>{ratio:.1f}× the best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="149"/>
        <source>{percent:.0f}% of the best</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="166"/>
        <source>{seconds:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="168"/>
        <source>{rate:.1f} tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="176"/>
        <source>Time to first token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="177"/>
        <source>Total time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="178"/>
        <source>Output speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="179"/>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="180"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="181"/>
        <source>Cache read tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="182"/>
        <source>Cache write tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="183"/>
        <source>Thinking tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="184"/>
        <source>Stop reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="185"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/metric_table.py" line="186"/>
        <source>Request id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../gui/params/model_picker.py" line="49"/>
        <source>Model, or type a model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="50"/>
        <source>The model to send to. Type any model id your provider serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="90"/>
        <source>From this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="92"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="119"/>
        <source>{name} — {context} context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="126"/>
        <source>Writes up to {count} tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/model_picker.py" line="128"/>
        <source>This provider&apos;s model list does not name it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeTimeout</name>
    <message>
        <location filename="../../gui/chat/notice_timeout.py" line="29"/>
        <source>Click to dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalFloat</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="192"/>
        <source>Unchecked: not sent, so the API&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalInt</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="240"/>
        <source>Unchecked: not sent, so the API&apos;s default applies.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputSchemaSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="294"/>
        <source>Structured output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="296"/>
        <source>A JSON Schema for the reply, e.g. {&quot;type&quot;: &quot;object&quot;, …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="298"/>
        <source>JSON schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="313"/>
        <source>Structured output: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PermissionsDialog</name>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="55"/>
        <source>Tool permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="59"/>
        <source>What you chose to remember when a tool asked. Revoke a rule and that tool asks again (read-only tools of trusted servers run without asking).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="67"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="72"/>
        <source>Remembered approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="73"/>
        <source>Each tool or server you chose to allow or deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="74"/>
        <source>No remembered approvals yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="75"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="76"/>
        <source>Forgets the selected rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="82"/>
        <source>After this many tool calls in one reply, Triptych stops and lets you continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="86"/>
        <source>Tool calls per reply, at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="107"/>
        <source>Every conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="109"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="110"/>
        <source>Conversation: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/permissions_dialog.py" line="114"/>
        <source>All its tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesMenu</name>
    <message>
        <location filename="../../gui/preferences_menu.py" line="85"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="86"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="87"/>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="88"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="89"/>
        <location filename="../../gui/preferences_menu.py" line="93"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="90"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="91"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="92"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preferences_menu.py" line="96"/>
        <source>Enter sends (Shift+Enter for a new line)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetActions</name>
    <message>
        <location filename="../../gui/preset_actions.py" line="97"/>
        <source>Saved: new conversations start from these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="102"/>
        <source>This conversation&apos;s settings are the defaults again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="112"/>
        <source>Preset &quot;{name}&quot; applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="119"/>
        <location filename="../../gui/preset_actions.py" line="137"/>
        <source>Save as preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="120"/>
        <source>Name of the preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="138"/>
        <source>A preset named &quot;{name}&quot; exists. Replace its settings?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="156"/>
        <source>Saved as preset &quot;{name}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/preset_actions.py" line="177"/>
        <source>A preset named &quot;{name}&quot; exists already; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetsBar</name>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="60"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="61"/>
        <source>Named settings with a system prompt (personas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="62"/>
        <source>Save as preset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="63"/>
        <source>Manage presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="64"/>
        <source>Save as default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="65"/>
        <source>New conversations start from these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="66"/>
        <source>Reset to defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="68"/>
        <source>Give this conversation the settings new conversations start from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_bar.py" line="70"/>
        <source>No presets yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetsDialog</name>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="56"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="57"/>
        <source>Saved presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="58"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/presets_dialog.py" line="59"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetsMenu</name>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="75"/>
        <source>Add column: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="86"/>
        <source>Same settings ×3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="87"/>
        <source>Temperature 0 / 0.5 / 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="88"/>
        <source>Thinking off / 4k / 16k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="89"/>
        <source>All models of a family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="90"/>
        <source>Opus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="91"/>
        <source>Sonnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="92"/>
        <source>Haiku</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="93"/>
        <source>Saved presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/presets_menu.py" line="94"/>
        <source>Every saved preset, side by side</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <location filename="../../gui/providers/price_table.py" line="26"/>
        <source>Model id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="27"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="28"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="29"/>
        <source>Cache write 5m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="30"/>
        <source>Cache write 1h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="31"/>
        <source>Cache read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="43"/>
        <source>US dollars per million tokens, where this provider&apos;s prices differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="44"/>
        <source>Add price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="45"/>
        <source>Remove price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="46"/>
        <source>Price overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="47"/>
        <source>Adds a row for a model&apos;s prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/price_table.py" line="48"/>
        <source>Removes the selected row</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemCount</name>
    <message numerus="yes">
        <location filename="../../gui/widgets/fields.py" line="59"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <location filename="../../gui/params/model_picker.py" line="181"/>
        <source>The provider profile: where requests go and which key they use.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptLibrary</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="282"/>
        <source>Prompt library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="283"/>
        <source>Saved prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="318"/>
        <source>Manage prompts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="318"/>
        <source>No saved prompts yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptPopup</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="50"/>
        <source>Saved prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="52"/>
        <source>Up and Down choose a prompt, Enter inserts it, Esc closes the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="69"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="72"/>
        <source>Instructions for the model, sent as the system prompt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromptsDialog</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="184"/>
        <source>Prompt library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="185"/>
        <source>Saved prompts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="186"/>
        <location filename="../../gui/chat/prompt_library.py" line="188"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="187"/>
        <location filename="../../gui/chat/prompt_library.py" line="189"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="191"/>
        <source>The prompt. Write {{name}} where a value should be asked for when it is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="193"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="194"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="195"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="223"/>
        <source>Write the prompt&apos;s text first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="248"/>
        <source>Asks for: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="248"/>
        <source>No variables.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderWarnings</name>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="37"/>
        <source>This provider loses thinking signatures: with thinking and tools both on, the reply after a tool call will be refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="42"/>
        <source>This provider returned no thinking when asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="45"/>
        <source>This provider did not carry a tool call through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="48"/>
        <source>This provider does not report prompt caching: savings cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="51"/>
        <source>This provider answered with another model than the one asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="54"/>
        <source>This provider reports more input tokens than were sent (a hidden prompt?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="68"/>
        <source>Provider check warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/provider_warnings.py" line="73"/>
        <source>From the last provider check:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../gui/providers/dialog.py" line="66"/>
        <location filename="../../gui/providers/dialog.py" line="99"/>
        <source>Providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="97"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="98"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="101"/>
        <source>The provider whose settings are shown on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="103"/>
        <source>Adds a new provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="104"/>
        <source>Removes the selected provider and its key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="132"/>
        <source>x-api-key header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="133"/>
        <source>Authorization: Bearer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="135"/>
        <source>Anthropic (/v1/messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="136"/>
        <source>OpenAI-compatible (/v1/chat/completions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="140"/>
        <source>Beta names, comma separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="142"/>
        <source>Optional, e.g. http://127.0.0.1:8080</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="145"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="146"/>
        <source>Base URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="147"/>
        <source>Auth style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="148"/>
        <source>API style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="149"/>
        <source>anthropic-version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="150"/>
        <source>Beta headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="151"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="152"/>
        <source>Price overrides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="156"/>
        <source>The provider&apos;s name, as the provider picker shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="157"/>
        <source>Where requests go, with or without /v1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="158"/>
        <source>The header the key is sent in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="159"/>
        <source>The protocol the provider speaks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="160"/>
        <source>Saved in the system keyring, never in a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="161"/>
        <source>Lists the models and sends a one-token message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="168"/>
        <source>Keep for this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="169"/>
        <source>The key stays in memory and is forgotten when Triptych quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="176"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="180"/>
        <source>Check this provider…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="183"/>
        <source>A few small requests that show what this provider keeps: thinking, tools, caching, usage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="188"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="201"/>
        <source>No usable keyring: {reason} Keys are kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="245"/>
        <source>The new key will be saved when you press Save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="247"/>
        <source>Saved: {hint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="249"/>
        <source>No key saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="251"/>
        <source>Paste a new key to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="273"/>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="273"/>
        <source>New profile {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="313"/>
        <source>The key could not be saved: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="359"/>
        <source>The saved key could not be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="374"/>
        <source>Testing &quot;{name}&quot;…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="382"/>
        <source>The test could not run: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/providers/dialog.py" line="391"/>
        <source>✓ Model list: %n model(s).</source>
        <translation>
            <numerusform>✓ Model list: %n model.</numerusform>
            <numerusform>✓ Model list: %n models.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="393"/>
        <source>✗ The model list (/v1/models) did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="394"/>
        <source>✓ A 1-token test message was answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/dialog.py" line="396"/>
        <source>✗ The test message was not answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="186"/>
        <source>anthropic-version and the beta names may use only plain ASCII letters, digits and punctuation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="193"/>
        <source>Give the profile a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="196"/>
        <source>Another profile is already named &quot;{name}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="202"/>
        <source>The base URL must start with http:// or https://, e.g. https://api.anthropic.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="209"/>
        <source>The proxy must be an http://, https://, socks5:// or socks5h:// URL, e.g. http://127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="234"/>
        <source>The API key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="235"/>
        <source>The API key has a space or a line break inside it. Copy the key again, without anything around it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="240"/>
        <source>The API key has a character that cannot be sent (not plain ASCII; often an invisible one pasted from a web page). Copy the key again, or type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="245"/>
        <source>The API key has a control character inside it. Copy the key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="218"/>
        <source>Price row {row}: enter a model id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/providers/draft.py" line="224"/>
        <source>Price row {row}: every price must be a number of 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RawExchangeDialog</name>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="27"/>
        <source>Raw request and response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="38"/>
        <location filename="../../gui/exchange/raw_dialog.py" line="39"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="40"/>
        <source>The request as it was sent, the key redacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="41"/>
        <location filename="../../gui/exchange/raw_dialog.py" line="43"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="42"/>
        <source>The response as it was received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="46"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="48"/>
        <source>Copies the tab shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="70"/>
        <source>This reply was sent before Triptych recorded requests: the request below is rebuilt from the conversation and its current settings, and may differ from what was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="74"/>
        <source>The API key is shown as [REDACTED].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="80"/>
        <source>(The body was larger than {megabytes} MB and was not kept.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="86"/>
        <source>(No response was recorded.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/raw_dialog.py" line="89"/>
        <source>(Only the first {megabytes} MB of {size} bytes were kept.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestCodeMenu</name>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="54"/>
        <source>Copy request as cURL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="55"/>
        <source>Copy request as Python (httpx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="56"/>
        <source>Show raw request/response…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="62"/>
        <source>cURL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="65"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="101"/>
        <source>Copied the request as {language}, rebuilt from the current settings: this reply was sent before Triptych recorded requests. The key is read from ${variable}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="105"/>
        <source>Copied the request as {language}. The key is read from ${variable}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/exchange/request_code_menu.py" line="115"/>
        <source>This reply&apos;s request was not recorded, and its provider profile no longer exists to rebuild it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetryCountdown</name>
    <message>
        <location filename="../../gui/chat/retry_countdown.py" line="50"/>
        <source>{problem} Retrying in {seconds} s (attempt {attempt})…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="67"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="69"/>
        <source>Sends no more requests; those under way finish and are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="71"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="72"/>
        <source>Goes on from the cells not yet run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="73"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="74"/>
        <source>Stops the run for good; what finished is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="75"/>
        <source>Retry failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="76"/>
        <source>Runs the failed repeats again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="77"/>
        <source>Run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="78"/>
        <source>The share of the run&apos;s requests that have ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="125"/>
        <source>No run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="128"/>
        <source>{done} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="129"/>
        <source>{failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="130"/>
        <source>{remaining} remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="134"/>
        <source>${cost:.4f} so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="142"/>
        <source>about {n} s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="144"/>
        <source>about {n} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="145"/>
        <source>about {h:.1f} h left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="150"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="151"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="152"/>
        <source>finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/run_bar.py" line="153"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="100"/>
        <source>Output and sampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="108"/>
        <source>One stop sequence per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="109"/>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="110"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="111"/>
        <source>Top P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="112"/>
        <source>Top K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="113"/>
        <source>Stop sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="142"/>
        <source>{model} writes at most {count} tokens.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchAction</name>
    <message>
        <location filename="../../gui/search/action.py" line="36"/>
        <source>Search conversations…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../gui/search/dialog.py" line="139"/>
        <source>Search conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="140"/>
        <source>Search titles and messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="141"/>
        <source>Any model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="142"/>
        <source>Any provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="143"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="144"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="145"/>
        <source>With attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="146"/>
        <source>Include thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="147"/>
        <source>Include tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="148"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="149"/>
        <source>Words to find in titles and messages, Chinese included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="150"/>
        <source>Only conversations with replies from this model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="151"/>
        <source>Only conversations sent through this provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="152"/>
        <source>Only messages from this date on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="153"/>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="154"/>
        <source>The first day searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="155"/>
        <source>Only messages up to this date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="156"/>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="157"/>
        <source>The last day searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="158"/>
        <source>Only messages with an image or a file attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="159"/>
        <source>Also search the model&apos;s thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="160"/>
        <source>Also search tool calls and their results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="161"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="162"/>
        <source>Enter opens the conversation at the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="207"/>
        <source>No results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="225"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/search/dialog.py" line="226"/>
        <source>New conversation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <location filename="../../gui/widgets/fields.py" line="104"/>
        <source>Shows or hides these settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendPreviewBar</name>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="102"/>
        <source>Context window used</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/chat/send_preview.py" line="109"/>
        <source>%Ln tokens</source>
        <translation>
            <numerusform>%Ln token</numerusform>
            <numerusform>%Ln tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="114"/>
        <source>{percent} of {window} context</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="119"/>
        <source>{cost} input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="121"/>
        <source>near the context limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="123"/>
        <source>longer than the context window: it will be refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="135"/>
        <source>Counted by the provider (count_tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="138"/>
        <source>Estimated here at about four characters a token: the provider has no token count, or its count has not come yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/send_preview.py" line="142"/>
        <source>The cost is for the input at the model&apos;s price, before any prompt caching.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerForm</name>
    <message>
        <location filename="../../gui/tools/server_form.py" line="38"/>
        <source>Give the server a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="40"/>
        <source>Another server has this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="42"/>
        <source>Give the command that starts the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="47"/>
        <source>Give the server&apos;s address, starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="66"/>
        <source>e.g. files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="71"/>
        <source>e.g. npx, uvx or a full path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="73"/>
        <source>Separated by spaces; quote an argument that holds one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="75"/>
        <source>Optional; Triptych&apos;s own folder when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="77"/>
        <source>VARIABLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="79"/>
        <source>Environment variables the server starts with; tick Secret for keys and tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="85"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="87"/>
        <source>HTTP headers sent with every request; tick Secret for keys and tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="90"/>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="91"/>
        <source>Trusted: believe its tools&apos; annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="94"/>
        <source>A trusted server&apos;s read-only tools run without asking. An untrusted server&apos;s annotations are shown as hints only, and every call asks first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="101"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="104"/>
        <source>How long one tool call may take; then it is stopped and the model is told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="107"/>
        <source>How Triptych reaches the server: a command it starts, or an address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="110"/>
        <source>When off, the server is not started and its tools are not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="118"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="119"/>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="120"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="121"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="122"/>
        <source>Working folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="78"/>
        <location filename="../../gui/tools/server_form.py" line="123"/>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="124"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="86"/>
        <location filename="../../gui/tools/server_form.py" line="125"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="126"/>
        <source>Call timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/server_form.py" line="175"/>
        <source>The arguments have an unclosed quote.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerToolsSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="284"/>
        <source>Server tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="288"/>
        <source>Web search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="289"/>
        <source>Only these domains, e.g. example.com, docs.python.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="290"/>
        <source>Never these domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="292"/>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="293"/>
        <source>Country code, e.g. US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="299"/>
        <source>Web fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="300"/>
        <source>Cite the fetched pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="303"/>
        <source>Allowed domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="304"/>
        <source>Blocked domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="305"/>
        <source>Max searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="306"/>
        <source>User location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="309"/>
        <source>Max content tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="329"/>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServersDialog</name>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="81"/>
        <location filename="../../gui/tools/servers_dialog.py" line="104"/>
        <source>MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="105"/>
        <source>The server whose settings are shown on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="106"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="106"/>
        <source>Adds a new server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="108"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="108"/>
        <source>Removes the selected server when you save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="111"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="112"/>
        <source>Adds servers from Claude desktop&apos;s or VS Code&apos;s configuration, or from pasted JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="116"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="117"/>
        <source>Saves the servers as mcpServers JSON; secret values are left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="143"/>
        <source>Server&apos;s last messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="144"/>
        <source>The last lines the server wrote to its error output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="146"/>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="146"/>
        <source>Stops the server and starts it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="155"/>
        <source>Tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="155"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="157"/>
        <location filename="../../gui/tools/servers_dialog.py" line="172"/>
        <location filename="../../gui/tools/servers_dialog.py" line="314"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="158"/>
        <source>The tools the server offers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="163"/>
        <source>Tool details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="165"/>
        <source>The selected tool&apos;s description, annotations and input schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="171"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="232"/>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="280"/>
        <source>Not saved yet: Save starts it with these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="282"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="284"/>
        <source>Not started yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/servers_dialog.py" line="314"/>
        <source>Tools (%n)</source>
        <translation>
            <numerusform>Tools (%n)</numerusform>
            <numerusform>Tools (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="327"/>
        <source>Offered to the model as {exposed}: another server has a tool named {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="338"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="338"/>
        <source>Annotations (hints only: server not trusted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="340"/>
        <source>, </source>
        <comment>between a tool&apos;s annotations</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="345"/>
        <source>Not offered to the model: its input schema is invalid ({problem}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="349"/>
        <source>Input schema:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="365"/>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="482"/>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="494"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/servers_dialog.py" line="495"/>
        <source>Save the changes to the MCP servers?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="25"/>
        <location filename="../../gui/help/shortcuts_dialog.py" line="31"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="30"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="30"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="32"/>
        <source>Each action and the keys that do it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="42"/>
        <source>Tab and Shift+Tab move between controls, out of text boxes too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="64"/>
        <source>Send the message (in the composer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="65"/>
        <source>New line (in the composer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="66"/>
        <source>Next control / previous control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="67"/>
        <source>Rename the conversation (in the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="68"/>
        <source>Follow the link in the transcript that has the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/help/shortcuts_dialog.py" line="69"/>
        <source>Open the menu of what has the focus (copy a message, copy as cURL…)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <location filename="../../gui/spend/chart.py" line="50"/>
        <source>Spend chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="51"/>
        <source>A stacked bar per period, a colour per group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="97"/>
        <location filename="../../gui/spend/chart.py" line="122"/>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="135"/>
        <source>Cost (US$)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="135"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/chart.py" line="142"/>
        <source>Nothing spent in this range: no replies to chart.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendMenu</name>
    <message>
        <location filename="../../gui/spend/menu.py" line="28"/>
        <source>Spend…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/menu.py" line="29"/>
        <source>Cost and tokens per day, by model and provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendTableModel</name>
    <message>
        <location filename="../../gui/spend/table_model.py" line="54"/>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="55"/>
        <source>Input tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="56"/>
        <source>Output tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="57"/>
        <source>Cache reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="58"/>
        <source>Cache writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="59"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="60"/>
        <source>Saved by caching</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/table_model.py" line="83"/>
        <source>%n reply(s) of a model with no known price: counted in the tokens, not in the cost.</source>
        <translation>
            <numerusform>%n reply of a model with no known price: counted in the tokens, not in the cost.</numerusform>
            <numerusform>%n replies of a model with no known price: counted in the tokens, not in the cost.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="88"/>
        <source>{count} of them kept for an hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/table_model.py" line="93"/>
        <source>Cache reads at the full input price, less what they cost, less the extra paid for cache writes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendWindow</name>
    <message>
        <location filename="../../gui/spend/window.py" line="49"/>
        <source>Export spend as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="50"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="97"/>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="98"/>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="164"/>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="165"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="166"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="167"/>
        <source>&amp;All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="168"/>
        <source>&amp;Per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="169"/>
        <source>&amp;By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="170"/>
        <source>C&amp;hart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="171"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="172"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="183"/>
        <source>First day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="183"/>
        <source>The first day counted, in local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="184"/>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="184"/>
        <source>The last day counted, in local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="185"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="185"/>
        <source>Count every stored reply, whatever its day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="186"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="186"/>
        <source>Sum the spend per day, week or month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="187"/>
        <source>Group by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="187"/>
        <source>Split the spend by model, provider or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="188"/>
        <source>Chart shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="188"/>
        <source>What the bars measure: cost or tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="189"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="189"/>
        <source>Read the stored replies again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="190"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="190"/>
        <source>Save the table as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="193"/>
        <source>Spend table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="194"/>
        <source>One row per period and group; click a header to sort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="196"/>
        <source>Totals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="196"/>
        <source>The totals of the range shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="217"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="224"/>
        <source>Could not read the stored replies from {path}. Refresh tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="273"/>
        <source>No replies in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/window.py" line="276"/>
        <source>{cost} for %Ln reply(s): {input} input, {output} output, {read} read from the cache and {written} written to it. Caching saved {saved}.</source>
        <translation>
            <numerusform>{cost} for %Ln reply: {input} input, {output} output, {read} read from the cache and {written} written to it. Caching saved {saved}.</numerusform>
            <numerusform>{cost} for %Ln replies: {input} input, {output} output, {read} read from the cache and {written} written to it. Caching saved {saved}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/spend/window.py" line="290"/>
        <source>* Not in the cost: %n reply(s) of a model with no known price (their tokens are counted).</source>
        <translation>
            <numerusform>* Not in the cost: %n reply of a model with no known price (its tokens are counted).</numerusform>
            <numerusform>* Not in the cost: %n replies of a model with no known price (their tokens are counted).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="315"/>
        <source>Could not save {path}: {error}. Nothing was changed there; export again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/window.py" line="319"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpendWords</name>
    <message>
        <location filename="../../gui/spend/words.py" line="14"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="15"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="16"/>
        <source>Evaluation grids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="17"/>
        <source>LLM judge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="24"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="25"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="26"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="32"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="33"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="34"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="44"/>
        <source>(unknown model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="46"/>
        <source>(unknown provider)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="57"/>
        <source>MMMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/spend/words.py" line="60"/>
        <source>week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupErrors</name>
    <message>
        <location filename="../../gui/startup/errors.py" line="34"/>
        <source>Triptych is already running with the data folder {folder}, but it does not answer. Close it (or wait until it has started), then start Triptych again; or start with another folder (--data-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="41"/>
        <source>Triptych cannot write in its data folder {folder} (read-only, or owned by another user). Nothing there was changed. Make the folder writable, or start with another folder (--data-dir).

Details: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="48"/>
        <source>The database {path} was written by a newer version of Triptych. Update Triptych to open it; it was left as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="54"/>
        <source>The file {path} is a database of another program. It was left as it is; move it away or start with another folder (--data-dir).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="64"/>
        <source>The database {path} is damaged. It was left as it is: do not delete it. Copy it somewhere safe, then start Triptych with another folder (--data-dir) and use File → Restore from backup… with the daily backups in {backups}.

Details: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="71"/>
        <source>The disk holding {path} is full. Free some space, then start Triptych again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="74"/>
        <source>Triptych cannot open its database {path}.

Details: {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="80"/>
        <source>Triptych is already running with the data folder {folder} (process {pid}); its window was brought forward.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/startup/errors.py" line="90"/>
        <source>Triptych cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="54"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="55"/>
        <source>Tags in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="56"/>
        <source>New tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="57"/>
        <source>Tags in use (tick the ones this conversation has):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="58"/>
        <source>New tags, separated by commas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/conversation_tags.py" line="59"/>
        <source>e.g. work, ideas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestSetEditor</name>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <location filename="../../gui/grid/test_set_editor.py" line="108"/>
        <source>Prompt template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="100"/>
        <location filename="../../gui/grid/test_set_editor.py" line="111"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="104"/>
        <source>e.g. Support answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="105"/>
        <source>Test set name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="106"/>
        <source>The name the test set is saved under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="107"/>
        <source>The prompt, with {{variables}} filled from each case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="109"/>
        <source>Each {{name}} becomes a column of the cases below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="110"/>
        <source>Optional; a variant&apos;s own system prompt takes its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="112"/>
        <source>Sent with every case, unless the variant has its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="113"/>
        <source>Test cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="115"/>
        <source>One row per case: its name, a value for each variable and what you expect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="117"/>
        <source>Add case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="118"/>
        <source>Adds an empty row to the cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="119"/>
        <source>Remove cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="120"/>
        <source>Removes the selected rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="121"/>
        <source>Import CSV/JSONL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="123"/>
        <source>Adds cases from a CSV or JSONL file with a column per variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="171"/>
        <location filename="../../gui/grid/test_set_editor.py" line="202"/>
        <source>Case {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/grid/test_set_editor.py" line="186"/>
        <source>Sent after %n earlier message(s) of a conversation</source>
        <translation>
            <numerusform>Sent after %n earlier message of a conversation</numerusform>
            <numerusform>Sent after %n earlier messages of a conversation</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="222"/>
        <source>Give the test set a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="224"/>
        <source>Write the prompt template: the prompt sent for each case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="226"/>
        <source>The test set has no cases: add a row or import a CSV or JSONL file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="231"/>
        <source>Row {row} (&quot;{case}&quot;) has no value for {{{{{variable}}}}}: fill it in or remove the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="275"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="275"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/test_set_editor.py" line="280"/>
        <source>None yet: write {{name}} in the template to add a column</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThinkingSection</name>
    <message>
        <location filename="../../gui/params/sections.py" line="151"/>
        <source>Thinking and effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="153"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="154"/>
        <source>On, with a budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="155"/>
        <source>Adaptive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="159"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="160"/>
        <source>Summarized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="161"/>
        <source>Omitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="163"/>
        <source>Default (not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Extra high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="164"/>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="167"/>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="168"/>
        <source>Budget tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="169"/>
        <source>Thinking shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="170"/>
        <source>Effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="213"/>
        <source>{model} cannot think.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="216"/>
        <source>{model} does not accept thinking with a budget; use adaptive thinking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="217"/>
        <source>{model} does not accept adaptive thinking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="233"/>
        <source>{model} does not accept effort.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/sections.py" line="238"/>
        <source>{model} does not accept effort &quot;{level}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolCards</name>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="124"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="134"/>
        <source>Waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="137"/>
        <source>Running… {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="152"/>
        <source>The tool reported an error ({seconds})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="153"/>
        <source>Done in {seconds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="155"/>
        <source>Declined: the model was told you declined this call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="157"/>
        <source>Stopped after {seconds}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="162"/>
        <source>Failed after {seconds}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="168"/>
        <source>the tool reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="169"/>
        <source>the tool took longer than the server&apos;s time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="170"/>
        <source>the server stopped during the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="171"/>
        <source>the server is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="172"/>
        <source>no server offers a tool of that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="173"/>
        <source>the arguments do not fit the tool&apos;s input schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="174"/>
        <source>the server&apos;s answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="175"/>
        <source>declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="176"/>
        <source>this turn reached its limit of tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="177"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="179"/>
        <source>it did not give a result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="179"/>
        <source>no result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="190"/>
        <source>The result was cut to fit: it had {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="201"/>
        <source>Result ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/tool_cards.py" line="203"/>
        <source>Result ▸ (%n image(s))</source>
        <translation>
            <numerusform>Result ▸ (%n image)</numerusform>
            <numerusform>Result ▸ (%n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/tool_cards.py" line="205"/>
        <source>Result ▸ (%n line(s))</source>
        <translation>
            <numerusform>Result ▸ (%n line)</numerusform>
            <numerusform>Result ▸ (%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="224"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="226"/>
        <source>{seconds:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/tool_cards.py" line="227"/>
        <source>{seconds:.0f} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolFiles</name>
    <message>
        <location filename="../../gui/tools/files.py" line="18"/>
        <source>Import MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="19"/>
        <source>JSON files (*.json *.jsonc);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="28"/>
        <source>Export MCP servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/files.py" line="29"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolResultsDialog</name>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="26"/>
        <source>Reply to the tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="29"/>
        <source>Type or paste each tool&apos;s result (JSON or text); the model then continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="43"/>
        <source>The tool&apos;s result, as JSON or text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="44"/>
        <source>Mark as error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="45"/>
        <source>Tells the model the tool failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/tool_results.py" line="54"/>
        <source>Send results</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolWords</name>
    <message>
        <location filename="../../gui/tools/words.py" line="20"/>
        <source>Local command (stdio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="21"/>
        <source>Streamable HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="22"/>
        <source>HTTP with SSE (legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="30"/>
        <source>The command was not found. Check its name, or give its full path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="33"/>
        <source>The server exited while starting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="36"/>
        <source>The server stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="37"/>
        <source>The server could not be reached at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="40"/>
        <source>The server refused the credentials (401). Check the headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="43"/>
        <source>The server cut the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="44"/>
        <source>The server did not speak MCP as expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="47"/>
        <source>The server did not become ready in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="50"/>
        <source>A secret value is missing from the keyring. Enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="53"/>
        <source>The server&apos;s settings are incomplete or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/tools/words.py" line="15"/>
        <source>Ready, %n tool(s)</source>
        <translation>
            <numerusform>Ready, %n tool</numerusform>
            <numerusform>Ready, %n tools</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="68"/>
        <source>The server failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="70"/>
        <source>Failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="72"/>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="73"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="74"/>
        <source>Restarting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="95"/>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="97"/>
        <source>may change things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="99"/>
        <source>destructive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="101"/>
        <source>not destructive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="103"/>
        <source>idempotent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="105"/>
        <source>reaches the outside world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="107"/>
        <source>closed world</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="113"/>
        <source>Allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="114"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/words.py" line="115"/>
        <source>Ask</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsController</name>
    <message>
        <location filename="../../gui/tools/controller.py" line="68"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="69"/>
        <source>MCP servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="71"/>
        <source>Permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="151"/>
        <source>Not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/tools/controller.py" line="153"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolsSection</name>
    <message>
        <location filename="../../gui/params/tools_section.py" line="85"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="88"/>
        <source>A JSON list of tool definitions: [{name, description, input_schema}]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="90"/>
        <source>Add a tool template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="91"/>
        <source>Adds an example tool definition to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="94"/>
        <source>Default (not sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="95"/>
        <source>Auto: the model decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="96"/>
        <source>Any: must use a tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="97"/>
        <source>A specific tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="98"/>
        <source>None: no tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="105"/>
        <location filename="../../gui/params/tools_section.py" line="111"/>
        <source>Tool name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="106"/>
        <source>One tool call at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="107"/>
        <source>Sends disable_parallel_tool_use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="110"/>
        <source>Tool choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/params/tools_section.py" line="168"/>
        <source>Tools: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <location filename="../../gui/transcript/view.py" line="55"/>
        <source>Transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/view.py" line="57"/>
        <source>The messages. Tab moves through their links; the menu key opens a message&apos;s menu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferMenu</name>
    <message>
        <location filename="../../gui/transfer/menu.py" line="125"/>
        <source>Export conversation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="127"/>
        <source>Export all as JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="129"/>
        <source>Export all as Markdown…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="132"/>
        <source>Include thinking in exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="135"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="137"/>
        <location filename="../../gui/transfer/menu.py" line="413"/>
        <source>Restore from backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="158"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="159"/>
        <location filename="../../gui/transfer/menu.py" line="220"/>
        <source>Triptych JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="160"/>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="161"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="173"/>
        <source>Export conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="209"/>
        <location filename="../../gui/transfer/menu.py" line="256"/>
        <source>Could not write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="212"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="218"/>
        <source>Export all conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="224"/>
        <source>Folder for the Markdown files</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="259"/>
        <source>Exported %n conversation(s) to {path}</source>
        <translation>
            <numerusform>Exported %n conversation to {path}</numerusform>
            <numerusform>Exported %n conversations to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="265"/>
        <source>Exported %n conversation(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n conversation to {path}.</numerusform>
            <numerusform>Exported %n conversations to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="266"/>
        <source>%n could not be written:</source>
        <translation>
            <numerusform>%n could not be written:</numerusform>
            <numerusform>%n could not be written:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="270"/>
        <source>{title} ({name}): {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="279"/>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="279"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="280"/>
        <source>Import conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="299"/>
        <source>Import cancelled: nothing was imported from {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="303"/>
        <source>Nothing was imported from {name}.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="316"/>
        <source>There is no backup yet. Triptych makes one each day it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="319"/>
        <source>{day} ({size} KB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="324"/>
        <source>Restore from backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="325"/>
        <source>Conversations in the backup that are missing here are added; nothing here is replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="335"/>
        <source>Nothing was restored from {name}.

{error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="350"/>
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>Imported %n conversation.</numerusform>
            <numerusform>Imported %n conversations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="354"/>
        <source>%n conversation(s) already here, not imported again:</source>
        <translation>
            <numerusform>%n conversation already here, not imported again:</numerusform>
            <numerusform>%n conversations already here, not imported again:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="358"/>
        <source>Imported %n test set(s) for evaluation grids.</source>
        <translation>
            <numerusform>Imported %n test set for evaluation grids.</numerusform>
            <numerusform>Imported %n test sets for evaluation grids.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="360"/>
        <source>Imported %n grid run(s).</source>
        <translation>
            <numerusform>Imported %n grid run.</numerusform>
            <numerusform>Imported %n grid runs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="363"/>
        <source>Imported %n blind vote(s).</source>
        <translation>
            <numerusform>Imported %n blind vote.</numerusform>
            <numerusform>Imported %n blind votes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="365"/>
        <source>Imported %n judge template(s):</source>
        <translation>
            <numerusform>Imported %n judge template:</numerusform>
            <numerusform>Imported %n judge templates:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="368"/>
        <source>Imported %n judge score(s) and verdict(s).</source>
        <translation>
            <numerusform>Imported %n judge score or verdict.</numerusform>
            <numerusform>Imported %n judge scores and verdicts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="370"/>
        <source>%n vote(s) already here, not imported again.</source>
        <translation>
            <numerusform>%n vote already here, not imported again.</numerusform>
            <numerusform>%n votes already here, not imported again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="374"/>
        <source>%n test set(s) or grid run(s) already here, not imported again.</source>
        <translation>
            <numerusform>%n test set or grid run already here, not imported again.</numerusform>
            <numerusform>%n test sets or grid runs already here, not imported again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="377"/>
        <source>Left out (%n):</source>
        <translation>
            <numerusform>Left out (%n):</numerusform>
            <numerusform>Left out (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/menu.py" line="394"/>
        <source>The database is damaged, so today&apos;s backup was not made: a damaged copy would replace a good one. Every earlier backup (%n) was kept. Restore from backup… adds the conversations of a good backup.

Details: {details}</source>
        <translation>
            <numerusform>The database is damaged, so today&apos;s backup was not made: a damaged copy would replace a good one. Every earlier backup (%n) was kept. Restore from backup… adds the conversations of a good backup.

Details: {details}</numerusform>
            <numerusform>The database is damaged, so today&apos;s backup was not made: a damaged copy would replace a good one. Every earlier backup (%n) was kept. Restore from backup… adds the conversations of a good backup.

Details: {details}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="403"/>
        <source>The daily backup failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/menu.py" line="410"/>
        <source>Triptych</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferWords</name>
    <message>
        <location filename="../../gui/transfer/words.py" line="16"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="17"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="18"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="19"/>
        <source>Provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="20"/>
        <source>Max tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="21"/>
        <source>Temperature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="22"/>
        <source>Top P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="23"/>
        <source>Top K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="24"/>
        <source>Effort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="25"/>
        <source>Thinking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="26"/>
        <source>off</source>
        <comment>thinking</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="27"/>
        <source>adaptive</source>
        <comment>thinking</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="28"/>
        <source>on</source>
        <comment>thinking</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="29"/>
        <source>Stop sequences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="30"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="31"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="33"/>
        <source>the conversation&apos;s current ones, below; each reply says what it was made with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="35"/>
        <source>Made with: {settings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="36"/>
        <source>System prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="37"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="38"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="39"/>
        <source>{input} in / {output} out tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="40"/>
        <source>{input} in / ≈{output} out tokens (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="41"/>
        <source>stop: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="42"/>
        <source>unfinished</source>
        <comment>reply status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="43"/>
        <source>interrupted</source>
        <comment>reply status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="44"/>
        <source>cancelled</source>
        <comment>reply status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="45"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="46"/>
        <source>(redacted thinking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="47"/>
        <source>Tool call {name} ({id})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="48"/>
        <source>Tool result for {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="49"/>
        <source>Tool result (error) for {id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="50"/>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="51"/>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="52"/>
        <source>{kind} {number}</source>
        <comment>an attachment without a title</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="53"/>
        <source>{title}: its data is not valid base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="54"/>
        <source>Tool {name} on {server}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="55"/>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="56"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="57"/>
        <source>done in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="58"/>
        <source>failed after {seconds} s: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="59"/>
        <source>declined: the model was told the user declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="60"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="61"/>
        <source>the result was cut to fit: it had {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="62"/>
        <source>the tool reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="63"/>
        <source>the tool took longer than the server&apos;s time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="64"/>
        <source>the server stopped during the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="65"/>
        <source>the server is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="66"/>
        <source>no server offers a tool of that name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="67"/>
        <source>the arguments do not fit the tool&apos;s input schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="68"/>
        <source>the server&apos;s answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="69"/>
        <source>the turn reached its limit of tool calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="70"/>
        <source>no result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="74"/>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="78"/>
        <source>{place}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="82"/>
        <source>the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="84"/>
        <source>“{title}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="85"/>
        <source>“{title}”, message {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="90"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transfer/words.py" line="93"/>
        <source>%n broken character(s) (half of a UTF-16 pair) replaced by U+FFFD</source>
        <translation>
            <numerusform>%n broken character (half of a UTF-16 pair) replaced by U+FFFD</numerusform>
            <numerusform>%n broken characters (half of a UTF-16 pair) replaced by U+FFFD</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="95"/>
        <source>it has no messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="96"/>
        <source>its sender is neither the person nor the assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="97"/>
        <source>it has no text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="99"/>
        <source>attachment “{name}” has no text in the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="102"/>
        <source>file “{name}”: its contents are not in the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="103"/>
        <source>upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="105"/>
        <source>thinking from Claude.ai has no signature the API accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="107"/>
        <source>a {kind} item (ran on Claude.ai)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="110"/>
        <source>a {role} message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="111"/>
        <source>a message ChatGPT hides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="112"/>
        <source>a call to a ChatGPT tool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="113"/>
        <source>{kind} content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transfer/words.py" line="115"/>
        <source>an attachment ({kind}): not in conversations.json</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TriptychApp</name>
    <message>
        <location filename="../../gui/app.py" line="498"/>
        <source>The language changes when Triptych starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="556"/>
        <source>Something went wrong: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TurnHtml</name>
    <message numerus="yes">
        <location filename="../../gui/transcript/turn_html.py" line="226"/>
        <source>%n alternative(s) from a comparison</source>
        <translation>
            <numerusform>%n alternative from a comparison</numerusform>
            <numerusform>%n alternatives from a comparison</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="246"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="248"/>
        <source>Claude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="268"/>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="270"/>
        <source>Regenerate ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="271"/>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="240"/>
        <location filename="../../gui/transcript/turn_html.py" line="273"/>
        <source>Get reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="301"/>
        <source>{count} in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="305"/>
        <source>≈{count} out (estimated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="307"/>
        <source>{count} out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="310"/>
        <source>cache read {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="313"/>
        <source>cache write {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="319"/>
        <source>first token {seconds:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="321"/>
        <source>{seconds:.1f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="330"/>
        <source>Interrupted — the app closed before the reply ended; the partial reply is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="332"/>
        <source>Stopped — partial reply kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="333"/>
        <source>Receiving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="426"/>
        <source>Showing the first {shown} of {total} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="429"/>
        <source>Show all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/transcript/turn_html.py" line="439"/>
        <source>Thinking ▸ (%n words)</source>
        <translation>
            <numerusform>Thinking ▸ (%n word)</numerusform>
            <numerusform>Thinking ▸ (%n words)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="446"/>
        <source>Thinking ▾</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="164"/>
        <location filename="../../gui/transcript/turn_html.py" line="465"/>
        <location filename="../../gui/transcript/turn_html.py" line="488"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/transcript/turn_html.py" line="164"/>
        <location filename="../../gui/transcript/turn_html.py" line="465"/>
        <location filename="../../gui/transcript/turn_html.py" line="504"/>
        <source>[image: {alt}]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariablesDialog</name>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="105"/>
        <source>Fill in the prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/chat/prompt_library.py" line="114"/>
        <source>Values for the prompt&apos;s variables:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariantsEditor</name>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="80"/>
        <source>Variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="82"/>
        <source>The grid&apos;s columns: each runs every case with its own settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="84"/>
        <source>Add variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="85"/>
        <source>Adds a copy of the selected variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="86"/>
        <source>Edit settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="88"/>
        <source>The selected variant&apos;s provider, model and parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="90"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="91"/>
        <source>Removes the selected variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="92"/>
        <location filename="../../gui/grid/variants_editor.py" line="93"/>
        <source>Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="94"/>
        <source>Ready-made sets of variants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/grid/variants_editor.py" line="118"/>
        <source>Variant settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="226"/>
        <source>Blind vote: {letter} is better (or best)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="228"/>
        <source>Blind vote: C is best, or a tie between two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="229"/>
        <source>Blind vote: D is best, or both bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="233"/>
        <source>Blind vote: a tie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="234"/>
        <source>Blind vote: both (or all) bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="235"/>
        <source>Blind vote: all bad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="238"/>
        <source>Blind vote: the next ballot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="240"/>
        <source>Blind vote: take the last vote back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="243"/>
        <source>More than two:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="244"/>
        <source>Each pair in turn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="245"/>
        <source>Best of all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="246"/>
        <source>How more than two replies are voted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="247"/>
        <source>Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="248"/>
        <source>optional, e.g. coding, writing, Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="249"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="251"/>
        <source>What the prompt tests, comma separated; the leaderboard can show each tag alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="253"/>
        <source>Undo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="254"/>
        <source>Takes the last vote back and shows its replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="255"/>
        <source>Next (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="256"/>
        <source>Go on by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="257"/>
        <source>After a vote, show who was who for a moment, then the next pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="375"/>
        <source>The vote was not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/judging/vote_panel.py" line="419"/>
        <source>Every ballot has a vote: %n vote(s) cast. View → Leaderboard… shows the ratings.</source>
        <translation>
            <numerusform>Every ballot has a vote: %n vote cast. View → Leaderboard… shows the ratings.</numerusform>
            <numerusform>Every ballot has a vote: %n votes cast. View → Leaderboard… shows the ratings.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="425"/>
        <source>Nothing to vote on: a ballot needs two finished replies to the same prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="434"/>
        <source>Ballot {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="449"/>
        <source>{letter} is better ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="450"/>
        <source>{letter} is best ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="454"/>
        <source>Tie (3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="457"/>
        <source>Both bad (4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="457"/>
        <source>All bad (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="459"/>
        <source>Keys: 1 or A, 2 or B, 3 or T for a tie, 4 or X for both bad; Enter for the next pair, Ctrl+Z to take a vote back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="462"/>
        <source>Keys: 1–{n} (or A–{last}) for the best, 0 or X for all bad; Enter for the next, Ctrl+Z to take a vote back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="481"/>
        <source>Reply {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="487"/>
        <source>You chose {letter}: {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="491"/>
        <source>A tie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="493"/>
        <source>Both bad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="493"/>
        <source>All bad.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="494"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/judging/vote_panel.py" line="494"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WordDiffDialog</name>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="44"/>
        <source>Word differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="53"/>
        <source>Left column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="55"/>
        <source>The reply shown on the left, with removed words marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="57"/>
        <source>Right column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="59"/>
        <source>The reply shown on the right, with added words highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="61"/>
        <source>Left reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="62"/>
        <source>Words only in this reply are struck through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="63"/>
        <source>Right reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="64"/>
        <source>Words only in this reply are highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="92"/>
        <source>The two replies are the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/compare/word_diff_dialog.py" line="95"/>
        <source>{deleted} passages only on the left, {inserted} only on the right.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
