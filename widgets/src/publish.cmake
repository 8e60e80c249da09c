# Publishing GUI: the calendar panel, its views, models, undo commands and dialogs.
target_sources(herald_widgets PRIVATE
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/CalendarPanel.h
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/QtZoneConverter.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/BestTimeHeatmap.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/BestTimeHeatmap.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarActions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarCommands.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarCommands.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarData.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarImport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarEdits.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarEdits.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarLoad.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarLoad.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/HeatmapLoad.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/MonthView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/MonthView.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/PostGridView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/PostGridView.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/PostingSlotsDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/PostingSlotsDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/QtZoneConverter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/QueueModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/QueueModel.h
    ${CMAKE_CURRENT_LIST_DIR}/calendar/WeekView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/WeekView.h
)
list(APPEND HERALD_WIDGETS_TR_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/calendar/BestTimeHeatmap.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarActions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarCommands.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarImport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/CalendarPanel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/MonthView.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/PostingSlotsDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/QueueModel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/calendar/WeekView.cpp
)
# Composer, in-app publishing, failed-post and background-publisher dialogs.
target_sources(herald_widgets PRIVATE
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/ComposerDialog.h
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/PublishingService.h
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/FailedPostDialog.h
    ${PROJECT_SOURCE_DIR}/widgets/include/herald/widgets/BackgroundPublishingDialog.h
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerData.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerData.h
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerText.h
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerActions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/PublishingService.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/FailedPostDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/BackgroundPublishingDialog.cpp)
target_link_libraries(herald_widgets PUBLIC herald::connectors)
list(APPEND HERALD_WIDGETS_TR_SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerText.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/ComposerActions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/FailedPostDialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/composer/BackgroundPublishingDialog.cpp)
