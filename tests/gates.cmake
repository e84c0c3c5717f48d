# Corpus gates: extraction scored against gold annotations, with the floors
# users are promised. `rasd eval` exits 1 below a floor (the fact F1, or any
# field's F1 given with --min-field), or when an article that must yield
# nothing yields a record.
set(RASD_CORPUS ${CMAKE_SOURCE_DIR}/corpus)

function(rasd_gate name dir floor)
  add_test(NAME ${name}
    COMMAND rasd eval ${dir} --by-field --min-f1 ${floor} --no-records-from-negatives ${ARGN})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "RASD_DATA=${RASD_SOURCE_DATA_DIR}")
endfunction()

# The fields every set is held to, one floor each, a little under what rasd
# reaches today, so that a regression in one field fails the build even when
# the others hide it in the overall F1.
set(RASD_FIELD_FLOORS_WRITTEN
  --min-field beneficiaries=0.95 budget_mad=0.90 date=0.95 province=0.95 region=0.95 sectors=0.95 women=0.90)
set(RASD_FIELD_FLOORS_REAL
  --min-field beneficiaries=0.85 budget_mad=0.85 budget_qualifier=0.85 date=0.85 province=0.90 region=0.90 sectors=0.85)

rasd_gate(gate_corpus_ar ${RASD_CORPUS}/ar 0.95 ${RASD_FIELD_FLOORS_WRITTEN})
if(EXISTS ${RASD_CORPUS}/fr)
  rasd_gate(gate_corpus_fr ${RASD_CORPUS}/fr 0.95 ${RASD_FIELD_FLOORS_WRITTEN})
endif()

# The shared real articles are read when they are beside the project.
if(EXISTS ${RASD_SHARED_DIR}/corpus/seeds)
  rasd_gate(gate_seeds ${RASD_SHARED_DIR}/corpus/seeds 0.95)
endif()
if(EXISTS ${RASD_SHARED_DIR}/corpus/real-dev)
  rasd_gate(gate_real_dev_ar ${RASD_SHARED_DIR}/corpus/real-dev 0.95 --lang ar)
  rasd_gate(gate_real_dev_fr ${RASD_SHARED_DIR}/corpus/real-dev 0.95 --lang fr)
endif()
if(EXISTS ${RASD_SHARED_DIR}/corpus/real-more)
  rasd_gate(gate_real_more_ar ${RASD_SHARED_DIR}/corpus/real-more 0.90 --lang ar ${RASD_FIELD_FLOORS_REAL})
  rasd_gate(gate_real_more_fr ${RASD_SHARED_DIR}/corpus/real-more 0.90 --lang fr ${RASD_FIELD_FLOORS_REAL})
endif()

# Ordinary news: not one record from the 43,642 real Arabic articles.
if(EXISTS ${RASD_SHARED_DIR}/data/news-ar/articles.jsonl.zst)
  add_test(NAME gate_news_ar_no_records
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/no_records_from_news.sh $<TARGET_FILE:rasd>
            ${RASD_SHARED_DIR}/data/news-ar/articles.jsonl.zst)
  set_tests_properties(gate_news_ar_no_records PROPERTIES ENVIRONMENT "RASD_DATA=${RASD_SOURCE_DATA_DIR}")
endif()

# The merge of same-event reports across the real articles, against the
# clusters grouped by hand in corpus/events.json: merged-pair F1, every
# hand-found difference surfaced with its class, and the same events when
# the articles are ingested in reverse order.
if(EXISTS ${RASD_SHARED_DIR}/corpus/real-more)
  add_test(NAME gate_events_merge
    COMMAND rasd eval-events ${RASD_SHARED_DIR}/corpus --events ${RASD_CORPUS}/events.json
            --min-pair-f1 0.95 --require-differences --check-order)
  set_tests_properties(gate_events_merge PROPERTIES ENVIRONMENT "RASD_DATA=${RASD_SOURCE_DATA_DIR}")
else()
  message(STATUS "rasd: ${RASD_SHARED_DIR}/corpus is absent: the real-article gates are not defined")
endif()
