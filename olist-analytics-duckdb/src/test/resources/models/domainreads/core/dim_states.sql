select state_code, region from domain.brazilian_states
