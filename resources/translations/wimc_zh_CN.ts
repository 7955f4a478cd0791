<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EventStatusBar</name>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="35"/>
        <source>Guests: %1</source>
        <translation>嘉宾：%1 人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="39"/>
        <source>d MMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="44"/>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/event_status_bar.py" line="51"/>
        <source>No event open</source>
        <translation>未打开活动</translation>
    </message>
</context>
<context>
    <name>GuestField</name>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="8"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="9"/>
        <source>English name</source>
        <translation>英文名</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="10"/>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="11"/>
        <source>Organization</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="12"/>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="13"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="14"/>
        <source>Attendance</source>
        <translation>参会方式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="15"/>
        <source>Country</source>
        <translation>国家/地区</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="16"/>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="17"/>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="18"/>
        <source>Badge code</source>
        <translation>胸卡号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="19"/>
        <source>Registration no.</source>
        <translation>报名编号</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="20"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/field_labels.py" line="21"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
</context>
<context>
    <name>GuestTableModel</name>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="187"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="187"/>
        <source>On site</source>
        <translation>线下</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="189"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guest_table_model.py" line="189"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
</context>
<context>
    <name>GuestsPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="119"/>
        <source>Columns</source>
        <translation>显示列</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="154"/>
        <source>%1 in total</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="157"/>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="159"/>
        <source>Show full contact details</source>
        <translation>显示完整联系方式</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/guests_page.py" line="161"/>
        <source>Phone numbers and e-mail addresses are masked unless this is on.</source>
        <translation>不勾选时，手机号和邮箱只显示部分内容。</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="60"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="88"/>
        <source>The file is clean. Importing it will do this:</source>
        <translation>文件检查无误。导入后将：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="100"/>
        <source>Problems found: %1. Nothing will be imported: correct the file (or the column choices) and check it again.</source>
        <translation>发现 %1 个问题，不会导入任何数据。请修改文件（或列的对应关系）后重新检查。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="106"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="115"/>
        <source>Check every row</source>
        <translation>逐行检查</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="116"/>
        <source>A dry run: the whole file is checked, nothing is written.</source>
        <translation>试运行：检查整个文件，不写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="117"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="56"/>
        <source>Choose the guest list</source>
        <translation>选择嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="57"/>
        <source>Nothing is written until the last step.</source>
        <translation>在最后一步之前不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="58"/>
        <source>The file the registration office sent:</source>
        <translation>报名处发来的文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="59"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_file_page.py" line="61"/>
        <source>Excel workbooks (.xlsx, .xls), CSV files in UTF-8, GB18030 or UTF-16, and Excel&apos;s &quot;Unicode text&quot; (.txt). The header row is found automatically.</source>
        <translation>支持 Excel 工作簿（.xlsx、.xls）、UTF-8 / GB18030 / UTF-16 编码的 CSV 文件，以及 Excel 另存的“Unicode 文本”（.txt）。表头行会自动识别。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="90"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="118"/>
        <source>This file cannot be imported: %1</source>
        <translation>无法导入此文件：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="127"/>
        <source>Automatic (found: %1)</source>
        <translation>自动（识别为 %1）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="129"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="132"/>
        <source>The first %1 rows as read:</source>
        <translation>读取到的前 %1 行：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="134"/>
        <source>No column was recognised as the guest&apos;s name: choose it below.</source>
        <translation>没有识别出姓名列，请在下方选择。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="156"/>
        <source>Check how the file reads</source>
        <translation>核对文件读取结果</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="157"/>
        <source>Change the encoding if the names look garbled, and say which column holds what.</source>
        <translation>如果姓名显示为乱码，请更换编码；并指定每一列对应的嘉宾字段。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="159"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="159"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="159"/>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="160"/>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="160"/>
        <source>Rows under the header:</source>
        <translation>表头以下行数：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="165"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_preview_page.py" line="166"/>
        <source>Which column fills which guest field</source>
        <translation>列与嘉宾字段的对应关系</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="65"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="79"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="87"/>
        <source>Importing… %1 of %2 rows</source>
        <translation>正在导入… 第 %1 / %2 行</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="99"/>
        <source>Done. The guest list is imported.</source>
        <translation>完成，嘉宾名单已导入。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="108"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>已取消导入，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="115"/>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何数据：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="125"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="126"/>
        <source>All rows are written in one go: a cancelled import leaves the guest list as it was.</source>
        <translation>所有行一次性写入：取消导入后，嘉宾名单保持原样。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_run_page.py" line="128"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_check_page.py" line="20"/>
        <source>%1 rows: %2 new guests, %3 updated, %4 unchanged.</source>
        <translation>共 %1 行：新增嘉宾 %2 人，更新 %3 人，未变 %4 人。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="61"/>
        <source>Choose a guest list</source>
        <translation>选择嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="62"/>
        <source>Guest lists (*.xlsx *.xls *.xlsm *.ods *.csv *.txt);;All files (*)</source>
        <translation>嘉宾名单 (*.xlsx *.xls *.xlsm *.ods *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/import_wizard.py" line="88"/>
        <source>Import guest list</source>
        <translation>导入嘉宾名单</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="149"/>
        <source>Imported %1: %2 added, %3 updated.</source>
        <translation>已导入 %1：新增 %2 人，更新 %3 人。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="154"/>
        <source>Open event</source>
        <translation>打开活动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="156"/>
        <source>WIMC events (*.wimc)</source>
        <translation>WIMC 活动文件 (*.wimc)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="166"/>
        <source>The event could not be opened.</source>
        <translation>无法打开该活动。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="180"/>
        <source>The event could not be created.</source>
        <translation>无法创建该活动。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="190"/>
        <source>WIMC Desk %1</source>
        <translation>WIMC Desk 会务签到 %1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="191"/>
        <source>The registration desk of a large conference: guest list import, check-in, badges, signings and reports.</source>
        <translation>大型会议的报到签到台：嘉宾名单导入、签到、胸卡、签约和报表。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="200"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="201"/>
        <source>&amp;Import guest list…</source>
        <translation>导入嘉宾名单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="202"/>
        <source>&amp;Open event…</source>
        <translation>打开活动(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="203"/>
        <source>&amp;New event…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="204"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="205"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="206"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="207"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="208"/>
        <source>&amp;About WIMC Desk</source>
        <translation>关于 WIMC Desk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="209"/>
        <source>Check-in desk</source>
        <translation>签到台</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="209"/>
        <source>Guests</source>
        <translation>嘉宾名单</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="209"/>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="210"/>
        <source>Signings</source>
        <translation>项目签约</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="210"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="214"/>
        <source>The scanner-first check-in desk comes next: scan a badge or type a name, and a large banner says whether the guest is admitted.</source>
        <translation>以扫码为主的签到台即将推出：扫描胸卡或输入姓名，醒目的横幅会显示嘉宾能否入场。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="217"/>
        <source>Looking up, printing and reissuing badges will be here.</source>
        <translation>胸卡的查询、打印和补办将在这里进行。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="218"/>
        <source>The contract signings of the ceremonies, with exact totals, will be recorded here.</source>
        <translation>签约仪式上的项目签约将在这里登记，金额合计分毫不差。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/main_window.py" line="220"/>
        <source>The daily registration report and its exports will be here.</source>
        <translation>每日报到统计报表及其导出将在这里提供。</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="62"/>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="108"/>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="110"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="97"/>
        <source>Kept in extra data (not a guest field): %1</source>
        <translation>保留为附加信息（不是嘉宾字段）：%1</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/mapping_editor.py" line="100"/>
        <source>Every column of the file fills a guest field.</source>
        <translation>文件的每一列都已对应到嘉宾字段。</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="30"/>
        <source>WIMC Desk</source>
        <translation>WIMC Desk 会务签到</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="47"/>
        <source>That did not work.</source>
        <translation>操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="54"/>
        <source>Something went wrong inside WIMC Desk.</source>
        <translation>WIMC Desk 内部出现错误。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/messages.py" line="55"/>
        <source>Nothing you did caused this. The details have been written to the log; please pass them on to the support team.</source>
        <translation>这不是您的操作造成的。详细信息已写入日志，请转交技术支持人员。</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="89"/>
        <source>Save the new event as</source>
        <translation>新活动保存为</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="91"/>
        <source>WIMC events (*.wimc)</source>
        <translation>WIMC 活动文件 (*.wimc)</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="114"/>
        <source>New event</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="115"/>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="115"/>
        <source>English name:</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="115"/>
        <source>Venue:</source>
        <translation>场馆：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="116"/>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="116"/>
        <source>First day:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="116"/>
        <source>Last day:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="117"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="117"/>
        <source>Event file:</source>
        <translation>活动文件：</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="120"/>
        <source>e.g. 2020世界智能制造大会</source>
        <translation>例如：2020世界智能制造大会</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="122"/>
        <source>e.g. World Intelligent Manufacturing Conference 2020</source>
        <translation>例如：World Intelligent Manufacturing Conference 2020</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/new_event_dialog.py" line="123"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="52"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="52"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="52"/>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="52"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/problems_view.py" line="69"/>
        <source>Copy the list</source>
        <translation>复制问题列表</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../wimc_desktop/ui/application.py" line="40"/>
        <source>Preparing the demo event (WIMC 2020, about 5,000 guests) in %1…</source>
        <translation>正在 %1 中准备演示活动（WIMC 2020，约 5,000 位嘉宾）…</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/application.py" line="75"/>
        <source>WIMC Desk cannot open the event database.</source>
        <translation>WIMC Desk 无法打开活动数据库。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/application.py" line="85"/>
        <source>This copy of PySide6 (%1) has a bug that makes WIMC Desk crash after a while on this version of Python.</source>
        <translation>当前安装的 PySide6（%1）存在缺陷，在此 Python 版本上运行一段时间后 WIMC Desk 会崩溃。</translation>
    </message>
    <message>
        <location filename="../../wimc_desktop/ui/application.py" line="88"/>
        <source>Ask your IT support to install PySide6-Essentials 6.11.3 (or to run the desk on Python 3.12 or newer) before the event starts.</source>
        <translation>请在活动开始前联系技术支持，安装 PySide6-Essentials 6.11.3（或改用 Python 3.12 及以上版本运行）。</translation>
    </message>
</context>
</TS>
