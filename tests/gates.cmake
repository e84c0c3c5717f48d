# Corpus gates: extraction scored against gold annotations, with the floors
# users are promised. `rasd eval` exits 1 below a floor or when an article
# that must yield nothing yields a record.
set(RASD_CORPUS ${CMAKE_SOURCE_DIR}/corpus)

function(rasd_gate name dir floor)
  add_test(NAME ${name}
    COMMAND rasd eval ${dir} --by-field --min-f1 ${floor} --no-records-from-negatives ${ARGN})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "RASD_DATA=${RASD_SOURCE_DATA_DIR}")
endfunction()

rasd_gate(gate_corpus_ar ${RASD_CORPUS}/ar 0.95)
if(EXISTS ${RASD_CORPUS}/fr)
  rasd_gate(gate_corpus_fr ${RASD_CORPUS}/fr 0.95)
endif()

# The shared real articles are read when they are beside the project.
if(EXISTS ${RASD_SHARED_DIR}/corpus/seeds)
  rasd_gate(gate_seeds ${RASD_SHARED_DIR}/corpus/seeds 0.95)
endif()
if(EXISTS ${RASD_SHARED_DIR}/corpus/real-dev)
  rasd_gate(gate_real_dev_ar ${RASD_SHARED_DIR}/corpus/real-dev 0.90 --lang ar)
  rasd_gate(gate_real_dev_fr ${RASD_SHARED_DIR}/corpus/real-dev 0.95 --lang fr)
endif()
