# ruleid: secret-huggingface-token
login(token="%%fake:huggingface-token%%")
# ok: secret-huggingface-token
login(token=os.environ["HF_TOKEN"])
# ok: secret-huggingface-token
model_id = "hf_internal_testing_tiny_random_model"
